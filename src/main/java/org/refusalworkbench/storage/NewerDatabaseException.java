package org.refusalworkbench.storage;

/** The project was written by a newer release; we refuse it rather than risk damaging it. */
public final class NewerDatabaseException extends StorageException {
    private static final long serialVersionUID = 1L;
    public NewerDatabaseException(String file, int fileVersion, int knownVersion) {
        super(file + ": this project was written by a newer version of Refusal Workbench (schema " + fileVersion
                + "; this version understands up to " + knownVersion + "). Update the app to open it; the file was"
                + " not changed.");
    }
}
