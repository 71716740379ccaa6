package com.clinicfaq.curation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Published versions of the knowledge base and the one shared draft, in the database. */
@Repository
public class KnowledgeVersions {

    /** A published version, without its files. */
    public record Version(
            long id,
            Instant createdAt,
            String createdBy,
            String comment,
            Long restoredFrom,
            boolean overridden,
            String folderHash) {}

    /** The draft: its files and the version it started from. */
    public record Draft(long baseVersion, String updatedBy, Instant updatedAt, KnowledgeFiles files) {}

    private final JdbcClient jdbc;

    KnowledgeVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Version> latest() {
        return jdbc.sql(SELECT + " order by id desc limit 1")
                .query(KnowledgeVersions::version)
                .optional();
    }

    public Optional<Version> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(KnowledgeVersions::version)
                .optional();
    }

    /** The version published just before {@code id}, if any: what {@code id} changed is the difference from it. */
    public Optional<Version> previous(long id) {
        return jdbc.sql(SELECT + " where id < ? order by id desc limit 1")
                .param(id)
                .query(KnowledgeVersions::version)
                .optional();
    }

    public List<Version> list(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit ?")
                .param(limit)
                .query(KnowledgeVersions::version)
                .list();
    }

    /** The hash of the folder's files when they were last published, if they ever were. */
    public Optional<String> lastFolderHash() {
        return jdbc.sql(
                        "select folder_hash from knowledge_version where folder_hash is not null order by id desc limit 1")
                .query(String.class)
                .optional();
    }

    public KnowledgeFiles files(long version) {
        Map<String, String> files = new TreeMap<>();
        jdbc.sql("select path, content from knowledge_file where version_id = ?")
                .param(version)
                .query((rs, n) -> files.put(rs.getString("path"), rs.getString("content")))
                .list();
        return new KnowledgeFiles(files);
    }

    /** Stores a new version; the caller's transaction decides when it is visible. */
    Version insert(
            KnowledgeFiles files,
            String by,
            String comment,
            Long restoredFrom,
            boolean overridden,
            String folderHash,
            Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into knowledge_version (created_at, created_by, comment, restored_from, overridden, folder_hash)
                values (?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(now), by, abbreviate(comment, 500), restoredFrom, overridden, folderHash)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (Map.Entry<String, String> file : files.files().entrySet()) {
            jdbc.sql("insert into knowledge_file (version_id, path, content) values (?, ?, ?)")
                    .params(id, file.getKey(), file.getValue())
                    .update();
        }
        return new Version(id, now, by, abbreviate(comment, 500), restoredFrom, overridden, folderHash);
    }

    public Optional<Draft> draft() {
        return jdbc.sql("select base_version, updated_by, updated_at from knowledge_draft where id = 1")
                .query((rs, n) -> new Draft(
                        rs.getLong("base_version"),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant(),
                        null))
                .optional()
                .map(d -> new Draft(d.baseVersion(), d.updatedBy(), d.updatedAt(), draftFiles()));
    }

    void saveDraft(long baseVersion, KnowledgeFiles files, String by, Instant now) {
        discardDraft();
        jdbc.sql("insert into knowledge_draft (id, base_version, updated_by, updated_at) values (1, ?, ?, ?)")
                .params(baseVersion, by, Timestamp.from(now))
                .update();
        for (Map.Entry<String, String> file : files.files().entrySet()) {
            jdbc.sql("insert into knowledge_draft_file (path, content) values (?, ?)")
                    .params(file.getKey(), file.getValue())
                    .update();
        }
    }

    void discardDraft() {
        jdbc.sql("delete from knowledge_draft_file").update();
        jdbc.sql("delete from knowledge_draft").update();
    }

    private KnowledgeFiles draftFiles() {
        Map<String, String> files = new TreeMap<>();
        jdbc.sql("select path, content from knowledge_draft_file")
                .query((rs, n) -> files.put(rs.getString("path"), rs.getString("content")))
                .list();
        return new KnowledgeFiles(files);
    }

    private static final String SELECT =
            "select id, created_at, created_by, comment, restored_from, overridden, folder_hash from knowledge_version";

    private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long restored = rs.getLong("restored_from");
        return new Version(
                rs.getLong("id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getString("comment"),
                rs.wasNull() ? null : restored,
                rs.getBoolean("overridden"),
                rs.getString("folder_hash"));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
