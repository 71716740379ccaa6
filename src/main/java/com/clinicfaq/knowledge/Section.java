package com.clinicfaq.knowledge;

import java.util.List;

/**
 * A headed part of an article.
 *
 * @param anchor the link anchor of the section on the article's page, unique within the article
 */
public record Section(String anchor, String title, List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }
}
