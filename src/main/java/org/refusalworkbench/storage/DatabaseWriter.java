package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

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
    private final ExecutorService thread;
    /** Set when the project is open read-only: every write is refused with it. */
    private final String readOnlyNotice;

    DatabaseWriter(Connection connection, String projectName, String readOnlyNotice) {
        this.connection = connection;
        this.readOnlyNotice = readOnlyNotice;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, "db-writer " + projectName);
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
     * need no journal and are written once. Meanwhile other connections wait for the transaction (busy timeout)
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
     * stays as it was, and the work is just as correct, only slower. A failed switch back after the work leaves
     * the project in rollback mode until the next open, which turns WAL on again; it never fails the work.
     *
     * @return whether the mode is now {@code mode}
     */
    private boolean switchJournal(String mode, String synchronous) {
        try (var statement = connection.createStatement()) {
            String now;
            try (var rows = statement.executeQuery("PRAGMA journal_mode = " + mode)) {
                now = rows.next() ? rows.getString(1) : "";
            }
            if (!now.equalsIgnoreCase(mode)) {
                return false;
            }
            statement.execute("PRAGMA synchronous = " + synchronous);
            return true;
        } catch (SQLException e) {
            if (e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY) {
                return false;
            }
            throw new StorageException(e.getMessage(), e);
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
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Exception | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException(e.getMessage(), e);
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
