package org.refusalworkbench.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One project file: a SQLite database in WAL mode with one writer thread and one shared reader connection. Opening checks
 * the schema version read-only first, so a file from a newer release is refused without a single byte changed.
 * <p>
 * A project that cannot be written where it lies (read-only media, a folder without write permission, a full disk:
 * SQLite cannot even make its {@code -shm} file there) opens read-only instead, as an immutable file, and says so
 * through {@link #readOnlyNotice()}; every write is then refused with that notice. Immutable means SQLite neither
 * locks nor looks for a write-ahead log: nothing can write there anyway.
 * <p>
 * It is long (about 380 lines) because opening is one sequence whose order matters — version check, lock, mode,
 * migrations, read-only fallback — and splitting it would spread that order over classes that each could be called
 * out of it.
 */
public final class ProjectDatabase implements AutoCloseable {

    /** Page cache per connection: negative means kibibytes (32 MB). */
    public static final int CACHE_SIZE = -32_000;
    /** The first bytes of every SQLite database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final DatabaseWriter writer;
    private final ProjectLock lock;
    /** Why the project is open read-only, or {@code null} when it can be written. */
    private final String readOnlyNotice;
    private final Object readerLock = new Object();
    /**
     * Opened on the first read: a command that only writes holds no second connection, which lets a bulk write
     * leave WAL mode ({@link DatabaseWriter#runBulk}) when no one else has the project open.
     */
    private Connection reader;

    private ProjectDatabase(Path file, Connection writeConnection, ProjectLock lock, String readOnlyNotice) {
        this.file = file;
        this.lock = lock;
        this.readOnlyNotice = readOnlyNotice;
        this.writer = new DatabaseWriter(writeConnection, file, readOnlyNotice);
    }

    /** Opens an existing project, upgrading its schema if it is older than this release. */
    public static ProjectDatabase open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StorageException(file + ": no such project file");
        }
        if (!hasSqliteHeader(file) && Backups.list(file).isEmpty()) {
            // SQLite would call such a file damaged (or, when empty, quietly make a project of it). With rolling
            // backups beside it, it was a project and is damaged: the open below says so and the app offers one.
            throw new StorageException(file + ": not a Refusal Workbench project (not an SQLite database)");
        }
        ProjectLock lock = ProjectLock.shared(file);
        try {
            refuseForeignOrNewer(file);
            return connect(file, lock, true);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Creates a new, empty project file; refuses to overwrite an existing one. */
    public static ProjectDatabase create(Path file) {
        if (Files.exists(file)) {
            throw new StorageException(file + ": already exists; choose another name or open it");
        }
        ProjectLock lock = ProjectLock.shared(file);
        try {
            return connect(file, lock, false);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public DatabaseWriter writer() {
        return writer;
    }

    /** Why the project could only be opened for reading; empty when it can be written. */
    public Optional<String> readOnlyNotice() {
        return Optional.ofNullable(readOnlyNotice);
    }

    /** Reads on the caller's thread through the shared reader connection; WAL lets it run beside the writer. */
    public <T> T read(DatabaseWriter.Work<T> work) {
        synchronized (readerLock) {
            try {
                if (reader == null) {
                    reader = connection(readUrl(), file, connectionProperties(true));
                }
                return work.run(reader);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw EnvironmentFailures.describe(file, e);
            }
        }
    }

    /**
     * Reads on a connection of its own, for long work (a backup, an integrity check, an export of a million
     * labels) that must not hold up the app's quick reads on the shared reader.
     */
    public <T> T readSeparately(DatabaseWriter.Work<T> work) {
        try (Connection connection = connection(readUrl(), file, connectionProperties(true))) {
            return work.run(connection);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw EnvironmentFailures.describe(file, e);
        }
    }

    public int schemaVersion() {
        return read(Migrations::userVersion);
    }

    public static int latestSchemaVersion() {
        return Migrations.LATEST;
    }

    @Override
    public void close() {
        // The reader goes first: the last connection to close checkpoints the WAL into the main file, and a
        // read-only connection cannot, which would leave committed data in the -wal file beside it.
        synchronized (readerLock) {
            try {
                if (reader != null) {
                    reader.close();
                }
            } catch (SQLException e) {
                throw new StorageException(file + ": " + e.getMessage(), e);
            } finally {
                try {
                    writer.close();
                } finally {
                    lock.close();
                }
            }
        }
    }

    /**
     * Whether opening {@code file} will first upgrade it from an older schema: a one-time step that rewrites the
     * prompt and response tables and takes seconds on a large project. False when it cannot tell; opening the file
     * then reports what is wrong with it.
     */
    public static boolean needsUpgrade(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Connection probe = readOnlyProbe(file)) {
            int version = Migrations.userVersion(probe);
            return version >= 1 && version < Migrations.LATEST;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether the file starts as every SQLite database does; a 0-byte or foreign file does not. */
    static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A read-only look at a file before it is opened as a project, without the project connections' settings but
     * waiting like them: a command-line import holds a lock that keeps readers out while it writes its pages. Where
     * SQLite cannot open it normally for lack of write access beside it, the file is read as immutable.
     */
    static Connection readOnlyProbe(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection = connection(url(file), file, config.toProperties());
        // SQLite opens the file lazily: a WAL project's missing -shm only shows on the first read.
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery(SqliteDialect.COUNT_SCHEMA_OBJECTS)) {
            rows.next();
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (!isUnwritable(e)) {
                throw e;
            }
            return DriverManager.getConnection(immutableUrl(file), config.toProperties());
        }
    }

    /** A connection that reads {@code file} exactly as it is on disk: no lock, no journal, no WAL, no new file. */
    static Connection immutableConnection(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection(immutableUrl(file), config.toProperties());
    }

    /** Every connection to a project waits for another process's lock ({@link LockWaits}) instead of failing. */
    private static Connection connection(String url, Path file, Properties properties) throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        try {
            LockWaits.install(connection, file);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void refuseForeignOrNewer(Path file) {
        try (Connection probe = readOnlyProbe(file); Statement statement = probe.createStatement()) {
            int version = Migrations.userVersion(probe);
            if (version > Migrations.LATEST) {
                throw new NewerDatabaseException(file.toString(), version, Migrations.LATEST);
            }
            try (var rows = statement.executeQuery(SqliteDialect.COUNT_USER_TABLES)) {
                rows.next();
                if (version == 0 && rows.getInt(1) > 0) {
                    throw new StorageException(file + ": is a SQLite database but not a Refusal Workbench project");
                }
            }
        } catch (SQLException e) {
            if (isDamage(e)) {
                throw new DamagedProjectException(file.toString(), e.getMessage(), e);
            }
            if (LockWaits.isBusy(e)) {
                throw EnvironmentFailures.describe(file, e);
            }
            throw new StorageException(file + ": not a readable project file (" + e.getMessage() + ")", e);
        }
    }

    private static ProjectDatabase connect(Path file, ProjectLock lock, boolean mayOpenReadOnly) {
        Connection writeConnection = null;
        try {
            writeConnection = connection(url(file), file, connectionProperties(false));
            try (Statement statement = writeConnection.createStatement()) {
                // While a command-line import writes with a rollback journal, SQLite refuses this at once rather
                // than wait; so it is retried until the import is done and has put the project back into WAL.
                LockWaits.retryWhileBusy(file, () -> statement.execute(SqliteDialect.journalMode("WAL")));
                statement.execute(SqliteDialect.threads(Runtime.getRuntime().availableProcessors()));
            }
            Migrations.migrate(writeConnection);
            return new ProjectDatabase(file, writeConnection, lock, null);
        } catch (SQLException e) {
            closeQuietly(writeConnection);
            if (mayOpenReadOnly && isUnwritable(e)) {
                return connectReadOnly(file, lock, e);
            }
            if (isDamage(e)) {
                throw new DamagedProjectException(file.toString(), e.getMessage(), e);
            }
            String plain = EnvironmentFailures.plainWords(file, e);
            throw new StorageException(plain != null ? plain : file + ": cannot open project (" + e.getMessage() + ")",
                    e);
        } catch (RuntimeException e) {
            closeQuietly(writeConnection);
            throw e;
        }
    }

    private static ProjectDatabase connectReadOnly(Path file, ProjectLock lock, SQLException whyNotWritable) {
        Path folder = file.toAbsolutePath().getParent();
        String why = !Files.isWritable(folder) || !Files.isWritable(file)
                ? "the file or its folder cannot be written (read-only media or no permission)"
                : "SQLite cannot write beside it (" + whyNotWritable.getMessage() + "; is the disk full?)";
        String notice = file + ": opened read-only: " + why + ". Nothing can be saved; copy the project to a"
                + " writable folder to change it";
        Connection connection = null;
        try {
            connection = immutableConnection(file);
            if (Migrations.userVersion(connection) < Migrations.LATEST) {
                throw new StorageException(file + ": needs a one-time upgrade, and " + why
                        + "; copy it to a writable folder to open it");
            }
            return new ProjectDatabase(file, connection, lock, notice);
        } catch (SQLException e) {
            closeQuietly(connection);
            if (isDamage(e)) {
                throw new DamagedProjectException(file.toString(), e.getMessage(), e);
            }
            throw new StorageException(file + ": cannot open project (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * SQLite could not open or set up the file for writing: it cannot create its {@code -shm} or {@code -wal} file
     * (a read-only folder or mount: CANTOPEN, READONLY) or cannot grow it (a full disk: an I/O error on the -shm).
     */
    static boolean isUnwritable(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_READONLY_ROLLBACK || code == SQLiteErrorCode.SQLITE_READONLY_RECOVERY) {
                // a hot journal or a WAL to recover: the file alone, read as immutable, would show a torn state
                return false;
            }
            int primary = code.code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_READONLY.code
                    || primary == SQLiteErrorCode.SQLITE_IOERR.code || primary == SQLiteErrorCode.SQLITE_FULL.code;
        }
        return false;
    }

    /**
     * synchronous=NORMAL in WAL mode: a commit survives the app being killed; only a power cut can lose the last
     * commits. The busy handler ({@link LockWaits}) lets a second process (the CLI beside the app) wait its turn
     * instead of failing, and write transactions begin IMMEDIATE: a deferred one that reads first and then writes
     * cannot wait for the other process's lock and fails at once with "database is locked". The driver's
     * generated-keys support is off: it runs an extra "SELECT last_insert_rowid()" after every INSERT, and nothing
     * here reads it.
     * <p>
     * The writer keeps large temporary data in files, as SQLite does by default, and may sort on helper threads
     * ({@code PRAGMA threads}): SQLite sorts with threads only when its sort runs may go to files, and building
     * the indexes after a large import is such a sort. The readers keep temporary data in memory.
     */
    private static Properties connectionProperties(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTempStore(readOnly ? SQLiteConfig.TempStore.MEMORY : SQLiteConfig.TempStore.FILE);
        config.setCacheSize(CACHE_SIZE);
        config.setGetGeneratedKeys(false);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        return config.toProperties();
    }

    private static boolean isDamage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_CORRUPT") || message.contains("SQLITE_NOTADB")
                || message.contains("malformed");
    }

    private String readUrl() {
        return readOnlyNotice == null ? url(file) : immutableUrl(file);
    }

    private static String url(Path file) {
        return SqliteDialect.url(file);
    }

    private static String immutableUrl(Path file) {
        return SqliteDialect.immutableUrl(file);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the original failure is the one worth reporting
            }
        }
    }
}
