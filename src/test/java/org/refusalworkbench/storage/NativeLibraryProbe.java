package org.refusalworkbench.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a JVM of its own by {@link SqliteNativeLibraryTest}: points the driver at an unpacked copy in the folder
 * given, opens a connection, and prints which SQLite native library files the process has mapped.
 */
public final class NativeLibraryProbe {

    private NativeLibraryProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("copy " + SqliteNativeLibrary.useUnpackedCopyIn(Path.of(args[0])));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            connection.createStatement().execute("SELECT 1");
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            if (line.contains("sqlitejdbc")) {
                System.out.println("mapped " + line.substring(line.indexOf('/')));
            }
        }
    }
}
