package com.clinicfaq.site;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * An article as the demo page shows it: consecutive bullets become one list, and the article's own
 * published questions follow its sections.
 */
record ArticlePage(Article article, List<SectionView> sections, List<Faq> faqs) {

    static ArticlePage of(Article article, List<Faq> allFaqs) {
        List<SectionView> sections =
                article.sections().stream().map(SectionView::of).toList();
        List<Faq> faqs = allFaqs.stream()
                .filter(faq -> faq.articleId().equals(article.id()) && faq.origin() == Faq.Origin.ARTICLE)
                .toList();
        return new ArticlePage(article, sections, faqs);
    }

    record SectionView(String anchor, String title, List<Group> groups) {

        static SectionView of(Section section) {
            List<Group> groups = new ArrayList<>();
            for (Block block : section.blocks()) {
                Group last = groups.isEmpty() ? null : groups.getLast();
                if (block.kind() == Block.Kind.BULLET && last != null && last.kind() == Block.Kind.BULLET) {
                    last.texts().add(block.text());
                } else {
                    groups.add(new Group(block.kind(), new ArrayList<>(List.of(block.text()))));
                }
            }
            return new SectionView(section.anchor(), section.title(), groups);
        }
    }

    /** One paragraph, one quotation, or a run of bullets. */
    record Group(Block.Kind kind, List<String> texts) {

        public boolean bullets() {
            return kind == Block.Kind.BULLET;
        }

        public boolean quote() {
            return kind == Block.Kind.QUOTE;
        }
    }
}
