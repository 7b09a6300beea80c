package org.refusalworkbench.storage;

/** A project file that cannot be opened or written, with a message meant for the person using the app. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
