package org.refusalworkbench.storage;

/** SQLite found the project file damaged on disk (torn write, bad sector, a truncated copy). */
public final class DamagedProjectException extends StorageException {
    private static final long serialVersionUID = 1L;
    public DamagedProjectException(String file, String detail, Throwable cause) {
        super(file + ": the project file is damaged (" + detail + ")", cause);
    }
}
