package com.clinicfaq.curation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Missed questions an editor dismissed as not worth answering, by a hash of their normalised text. */
@Repository
class Dismissals {

    private final JdbcClient jdbc;

    Dismissals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> hashes() {
        return new HashSet<>(jdbc.sql("select text_hash from unanswered_dismissed")
                .query(String.class)
                .list());
    }

    void dismiss(Collection<String> texts, String by, Instant now) {
        Set<String> dismissed = hashes();
        for (String text : texts) {
            String hash = hash(text);
            if (!dismissed.add(hash)) {
                continue;
            }
            try {
                jdbc.sql("insert into unanswered_dismissed (text_hash, dismissed_by, dismissed_at) values (?, ?, ?)")
                        .params(hash, by, Timestamp.from(now))
                        .update();
            } catch (DuplicateKeyException e) {
                // dismissed by someone else meanwhile: dismissed all the same
            }
        }
    }

    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
