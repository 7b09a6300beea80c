package org.refusalworkbench.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells whether anyone has a project open: every open holds a shared lock on {@code NAME.db.lock} beside the
 * project, and a restore takes it exclusively for the whole replace, so it never swaps a file under a running
 * writer or reader.
 * <p>
 * The lock is on a file of its own, not the project: POSIX locks belong to the process, and closing any descriptor
 * of a file drops all of the process's locks on it, which SQLite's own connections do to the project file all the
 * time. For the same reason this JVM keeps one channel per lock file and counts its users: a second channel's lock
 * would throw {@code OverlappingFileLockException}, and closing it would release the first one's.
 */
public final class ProjectLock implements AutoCloseable {

    /** How long an open waits for a restore running in another process to finish. */
    private static final long WAIT_FOR_RESTORE_MILLIS = 10_000;

    private static final Map<Path, Held> HELD = new HashMap<>();

    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        int users = 1;

        Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    /** {@code null} when the lock file could not be made: read-only media, where no restore can happen either. */
    private final Path key;
    private boolean released;

    private ProjectLock(Path key) {
        this.key = key;
    }

    public static Path lockFileOf(Path project) {
        Path absolute = project.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /** Taken by every open; waits briefly while another process restores the project. */
    static ProjectLock shared(Path project) {
        Path key = keyOf(project);
        synchronized (HELD) {
            Held held = HELD.get(key);
            if (held != null) {
                if (!held.lock.isShared()) {
                    throw new StorageException(project + ": is being restored from a backup; open it again when"
                            + " the restore has finished");
                }
                held.users++;
                return new ProjectLock(key);
            }
            FileChannel channel = openChannel(key);
            if (channel == null) {
                return new ProjectLock(null);
            }
            try {
                long deadline = System.currentTimeMillis() + WAIT_FOR_RESTORE_MILLIS;
                FileLock lock;
                while ((lock = channel.tryLock(0, Long.MAX_VALUE, true)) == null) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new StorageException(project + ": is being restored from a backup by another"
                                + " process; open it again when the restore has finished");
                    }
                    Thread.sleep(50);
                }
                HELD.put(key, new Held(channel, lock));
                return new ProjectLock(key);
            } catch (IOException e) {
                closeQuietly(channel);
                // A file system without locks (some network shares) must not keep a project from opening.
                return new ProjectLock(null);
            } catch (InterruptedException e) {
                closeQuietly(channel);
                Thread.currentThread().interrupt();
                throw new StorageException(project + ": interrupted while waiting for a restore to finish", e);
            } catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }
    }

    /** Taken by a restore; refuses at once while anyone, in this process or another, has the project open. */
    static ProjectLock exclusive(Path project) {
        Path key = keyOf(project);
        synchronized (HELD) {
            if (HELD.containsKey(key)) {
                throw new StorageException(project + ": is open in this app; close it before restoring");
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new StorageException("cannot restore " + project + ": cannot write " + key + " ("
                        + e.getMessage() + ")", e);
            }
            try {
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, false);
                if (lock == null) {
                    closeQuietly(channel);
                    throw new StorageException(project + ": is open in another process (the app, or a command"
                            + " such as merge, import or export); nothing was restored. Close it there and run"
                            + " restore again");
                }
                HELD.put(key, new Held(channel, lock));
                return new ProjectLock(key);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StorageException("cannot restore " + project + ": cannot lock " + key + " ("
                        + e.getMessage() + ")", e);
            }
        }
    }

    @Override
    public void close() {
        if (key == null) {
            return;
        }
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            Held held = HELD.get(key);
            if (--held.users == 0) {
                HELD.remove(key);
                // closing the channel releases the lock
                closeQuietly(held.channel);
            }
        }
    }

    /** The lock file's path with the folder's links resolved, so two spellings of one project share one entry. */
    private static Path keyOf(Path project) {
        Path lockFile = lockFileOf(project);
        try {
            return lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        } catch (IOException e) {
            return lockFile.normalize();
        }
    }

    /** Read-write where the folder allows it; read-only on read-only media; {@code null} when neither works. */
    private static FileChannel openChannel(Path lockFile) {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            if (!Files.isRegularFile(lockFile)) {
                return null;
            }
            try {
                return FileChannel.open(lockFile, StandardOpenOption.READ);
            } catch (IOException unreadable) {
                return null;
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing is held through a channel that failed to close
        }
    }
}
