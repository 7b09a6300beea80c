package org.refusalworkbench.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.sqlite.BusyHandler;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * How every connection to a project waits for another process's lock: up to {@link #limit()}, two minutes unless
 * {@code -Drefusalworkbench.waitSeconds=N} says otherwise, instead of failing with "database is locked". A wait that
 * lasts longer than a moment is announced to the {@link Listener}, so a command can say what it is waiting for.
 */
public final class LockWaits {

    /** Told when a connection has been waiting for another process's lock for longer than a moment. */
    @FunctionalInterface
    public interface Listener {
        void waiting(Path project, Duration limit);
    }

    static final String LIMIT_PROPERTY = "refusalworkbench.waitSeconds";
    private static final long DEFAULT_LIMIT_SECONDS = 120;
    /** Waits shorter than this (a click saving beside another writer) are not worth a line of output. */
    private static final long ANNOUNCE_AFTER_NANOS = Duration.ofMillis(500).toNanos();
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private static volatile Listener listener = (project, limit) -> { };

    private LockWaits() {
    }

    /** Where waits of this process are announced; the command line prints one line on standard error. */
    public static void announceTo(Listener waitListener) {
        listener = waitListener;
    }

    /** How long a connection waits for another process before giving up. */
    public static Duration limit() {
        String configured = System.getProperty(LIMIT_PROPERTY);
        try {
            return Duration.ofSeconds(configured == null ? DEFAULT_LIMIT_SECONDS : Long.parseLong(configured.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(DEFAULT_LIMIT_SECONDS);
        }
    }

    /**
     * Replaces SQLite's busy timeout on {@code connection} with a handler that waits up to the limit and announces a
     * long wait. SQLite calls it whenever a lock it needs is held by another connection.
     */
    static void install(Connection connection, Path project) throws SQLException {
        BusyHandler.setHandler(connection, new Handler(project, limit()));
    }

    /** A statement to retry while another process holds the lock it needs. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws SQLException;
    }

    /**
     * Retries {@code attempt} while it fails with SQLITE_BUSY, up to the limit. For the statements SQLite fails at
     * once instead of calling the busy handler: changing the journal mode into WAL while another process writes with
     * a rollback journal (a command-line import) is one.
     */
    static <T> T retryWhileBusy(Path project, Attempt<T> attempt) throws SQLException {
        Duration limit = limit();
        Wait wait = new Wait(project, limit);
        while (true) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!isBusy(e) || !wait.pause()) {
                    throw e;
                }
            }
        }
    }

    static boolean isBusy(SQLException e) {
        return e instanceof SQLiteException sqlite
                && (sqlite.getResultCode().code & 0xFF) == SQLiteErrorCode.SQLITE_BUSY.code;
    }

    /** The message for a lock still held when the limit has passed. */
    static String stillLocked(Path project) {
        return project + ": another process kept it locked for more than " + describe(limit())
                + " (an import, a merge or the app saving); try again when it has finished, or wait longer with -D"
                + LIMIT_PROPERTY + "=SECONDS";
    }

    /** "2 min", "30 s". */
    public static String describe(Duration limit) {
        long seconds = limit.toSeconds();
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    /** One wait for a lock: pauses that grow to 50 ms, one announcement, and an end at the limit. */
    private static final class Wait {
        private final Path project;
        private final Duration limit;
        private final long start = System.nanoTime();
        private int pauses;
        private boolean announced;

        Wait(Path project, Duration limit) {
            this.project = project;
            this.limit = limit;
        }

        /** @return false once the limit has passed (or the thread is interrupted): the caller gives up */
        boolean pause() {
            long waited = System.nanoTime() - start;
            if (waited >= limit.toNanos()) {
                return false;
            }
            if (!announced && waited >= ANNOUNCE_AFTER_NANOS) {
                announced = true;
                listener.waiting(project, limit);
            }
            try {
                Thread.sleep(Math.min(1L << Math.min(pauses++, 6), LONGEST_PAUSE_MILLIS));
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** SQLite counts the calls of one wait from 0; each new count of 0 is a new wait. */
    private static final class Handler extends BusyHandler {
        private final Path project;
        private final Duration limit;
        private Wait wait;

        Handler(Path project, Duration limit) {
            this.project = project;
            this.limit = limit;
        }

        @Override
        protected int callback(int previousCalls) {
            if (previousCalls == 0 || wait == null) {
                wait = new Wait(project, limit);
            }
            return wait.pause() ? 1 : 0;
        }
    }
}
