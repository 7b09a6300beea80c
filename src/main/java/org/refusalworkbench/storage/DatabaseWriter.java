package org.refusalworkbench.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes to a project. Every write is a transaction run here in submission order, so label
 * edits never interleave and the UI thread never waits on disk.
 */
public final class DatabaseWriter implements AutoCloseable {

    /** Work done inside one write transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    private final Connection connection;
    private final Path project;
    private final ExecutorService thread;
    /** Set when the project is open read-only: every write is refused with it. */
    private final String readOnlyNotice;

    DatabaseWriter(Connection connection, Path project, String readOnlyNotice) {
        this.connection = connection;
        this.project = project;
        this.readOnlyNotice = readOnlyNotice;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, "db-writer " + project.getFileName());
            writer.setDaemon(false);
            return writer;
        });
    }

    public <T> CompletableFuture<T> submit(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> inTransaction(work), thread);
    }

    /** Runs on the writer thread and waits: for the CLI, where there is nothing else to do meanwhile. */
    public <T> T run(Work<T> work) {
        return join(submit(work));
    }

    /**
     * Like {@link #run}, for one large transaction from the command line: it runs with a rollback journal instead of
     * the write-ahead log, then the project returns to WAL. In WAL mode every page of a bulk load is written twice
     * (into the log, then checkpointed into the file); with a rollback journal, pages added beyond the file's old end
     * need no journal and are written once. Meanwhile other connections wait for the transaction ({@link LockWaits})
     * rather than read the last snapshot, which is why the app does not use it. synchronous is FULL while the
     * rollback journal is in use, since NORMAL is only safe against power loss in WAL mode.
     */
    public <T> T runBulk(Work<T> work) {
        return join(CompletableFuture.supplyAsync(() -> {
            if (readOnlyNotice != null) {
                throw new StorageException(readOnlyNotice);
            }
            boolean rollbackJournal = switchJournal("DELETE", "FULL");
            try {
                return inTransaction(work);
            } finally {
                if (rollbackJournal) {
                    switchJournal("WAL", "NORMAL");
                }
            }
        }, thread));
    }

    /**
     * Another connection to the project (the app, or a reader in this process) keeps it in WAL mode: then the mode
     * stays as it was, and the work is just as correct, only slower. The switch back waits for a moment's lock of
     * another process opening the project (see {@link LockWaits#retryWhileBusy}); a failed switch back leaves
     * the project in rollback mode until the next open, which turns WAL on again; it never fails the work.
     *
     * @return whether the mode is now {@code mode}
     */
    private boolean switchJournal(String mode, String synchronous) {
        try (var statement = connection.createStatement()) {
            String now;
            if (mode.equals("WAL")) {
                now = LockWaits.retryWhileBusy(project, () -> journalMode(statement, mode));
            } else {
                now = journalMode(statement, mode);
            }
            if (!now.equalsIgnoreCase(mode)) {
                return false;
            }
            statement.execute(SqliteDialect.synchronous(synchronous));
            return true;
        } catch (SQLException e) {
            if (LockWaits.isBusy(e)) {
                return false;
            }
            throw EnvironmentFailures.describe(project, e);
        }
    }

    private static String journalMode(Statement statement, String mode) throws SQLException {
        try (var rows = statement.executeQuery(SqliteDialect.journalMode(mode))) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private <T> T inTransaction(Work<T> work) {
        if (readOnlyNotice != null) {
            throw new StorageException(readOnlyNotice);
        }
        try {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (Exception | Error e) {
                endAfterFailure();
                throw e;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw EnvironmentFailures.describe(project, e);
        } catch (Exception e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    /**
     * After SQLITE_FULL or an I/O error SQLite has already rolled the transaction back, and the driver's rollback and
     * return to autocommit then fail with "no transaction is active": that must not hide the failure that caused it.
     * The driver is back in autocommit mode all the same, so the next write is again one transaction.
     */
    private void endAfterFailure() {
        try {
            connection.rollback();
        } catch (SQLException alreadyRolledBack) {
            // SQLite ended the transaction itself; the failure that caused it is the one to report
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException alreadyEnded) {
            // as above
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new StorageException("could not close the project cleanly: " + e.getMessage(), e);
        }
    }
}
