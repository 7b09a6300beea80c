package org.refusalworkbench.storage;

import java.nio.file.Path;

/**
 * The statements only SQLite understands, in one place and by name, so a second store (PostgreSQL) puts its own
 * beside this class instead of hunting them through the queries: PRAGMAs (journal, cache, checks, schema version),
 * the sqlite_master catalogue, {@code last_insert_rowid()}, {@code group_concat}, a {@code WITHOUT ROWID}
 * temporary table and the driver's URLs. The other statements keep to SQL that PostgreSQL reads as well
 * ({@code INSERT ... ON CONFLICT (...) DO NOTHING} included, and plain {@code ?} parameters rather than SQLite's
 * numbered ones); one that does not belongs here. The online backup API ({@link Backups}) and the connection
 * settings ({@code SQLiteConfig}) are the SQLite driver's own and have no statement to put here.
 */
public final class SqliteDialect {

    /** The schema version the migrations have reached (0 for a new file). */
    static final String USER_VERSION = "PRAGMA user_version";
    /** Foreign keys are off while migrations rebuild tables, and checked before the commit. */
    static final String FOREIGN_KEYS_OFF = "PRAGMA foreign_keys = OFF";
    static final String FOREIGN_KEYS_ON = "PRAGMA foreign_keys = ON";
    /** One row per broken reference: table, row id, referred table. */
    static final String FOREIGN_KEY_CHECK = "PRAGMA foreign_key_check";
    /** One row "ok", or a row per problem found. */
    static final String INTEGRITY_CHECK = "PRAGMA integrity_check";
    /** As {@link #INTEGRITY_CHECK} without checking that indexes match their tables: fast enough at every open. */
    static final String QUICK_CHECK = "PRAGMA quick_check";
    /** The id the last INSERT on this connection gave its row. */
    static final String LAST_INSERT_ID = "SELECT last_insert_rowid()";
    /** The current page-cache size; see {@link #cacheSize}. */
    public static final String CACHE_SIZE = "PRAGMA cache_size";

    /** A read forces SQLite to open the file, which it otherwise does lazily. */
    static final String COUNT_SCHEMA_OBJECTS = "SELECT count(*) FROM sqlite_master";
    /** Tables other than SQLite's own: a file with some and no schema version is another program's database. */
    static final String COUNT_USER_TABLES =
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
    /** Whether the file has the project table. */
    static final String COUNT_PROJECT_TABLE =
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'project'";
    /** Name and CREATE statement of each index of table {@code ?1}, to drop and rebuild them as they were. */
    public static final String INDEXES_OF_TABLE = "SELECT name, sql FROM sqlite_master"
            + " WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name";

    /** The merge's record of the judgements a label file gave and on which line, for this connection only. */
    static final String CREATE_MERGE_SEEN = "CREATE TEMP TABLE IF NOT EXISTS merge_seen (kind INTEGER NOT NULL,"
            + " target INTEGER NOT NULL, person INTEGER NOT NULL, line INTEGER NOT NULL,"
            + " PRIMARY KEY (kind, target, person)) WITHOUT ROWID";
    /** How the statements name the temporary table, so no table of the project's can stand in for it. */
    static final String MERGE_SEEN = "temp.merge_seen";

    private SqliteDialect() {
    }

    static String setUserVersion(int version) {
        return "PRAGMA user_version = " + version;
    }

    /** @param mode WAL for normal use, DELETE (a rollback journal) for a command-line bulk write */
    static String journalMode(String mode) {
        return "PRAGMA journal_mode = " + mode;
    }

    /** @param level NORMAL is safe against power loss only in WAL mode; FULL otherwise */
    static String synchronous(String level) {
        return "PRAGMA synchronous = " + level;
    }

    /** How many helper threads SQLite may sort with (building an index, a large ORDER BY). */
    static String threads(int count) {
        return "PRAGMA threads = " + count;
    }

    /** @param size in pages, or negative in KiB (SQLite's convention), or a value read back from {@link #CACHE_SIZE} */
    public static String cacheSize(Object size) {
        return "PRAGMA cache_size = " + size;
    }

    /** The {@code expression}'s values of a group joined by {@code separator} (PostgreSQL: string_agg). */
    static String joined(String expression, String separator) {
        return "group_concat(" + expression + ", '" + separator + "')";
    }

    /** The driver's URL for reading and writing {@code file}. */
    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * The driver's URL for a quick read of {@code file} that can never write or create it, but still sees what a
     * running app has committed to its WAL. A URI filename, percent-encoded, as {@link #immutableUrl}'s.
     */
    static String readOnlyUrl(Path file) {
        return "jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?mode=ro";
    }

    /**
     * The driver's URL for reading {@code file} exactly as it is on disk: no lock, no journal, no WAL, no new file.
     * A URI filename, percent-encoded, so a path with spaces, '?' or '#' still names the file.
     */
    static String immutableUrl(Path file) {
        return "jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?mode=ro&immutable=1";
    }
}
