package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.SQLException;
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
    private final ExecutorService thread;

    DatabaseWriter(Connection connection, String projectName) {
        this.connection = connection;
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
        try {
            return submit(work).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private <T> T inTransaction(Work<T> work) {
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
