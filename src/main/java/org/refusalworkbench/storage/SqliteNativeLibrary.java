package org.refusalworkbench.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.sqlite.util.LibraryLoaderUtil;

/**
 * The SQLite driver unpacks its native library from its jar into the temporary folder on every start, about
 * 0.17 s of each command run with {@code java -jar}. This keeps one unpacked copy per library build in the user's
 * data folder instead and points the driver at it. The copy's name carries the jar entry's CRC, so a new build
 * gets a file of its own; it is written under a temporary name and moved into place, so a copy is whole or absent.
 * Whenever this cannot be done (no jar, a folder not writable), the driver unpacks the library as before; a copy
 * that fails to load makes the driver fall back to unpacking as well. Writing a new copy removes the copies of
 * earlier builds, so upgrades do not pile up libraries in the data folder.
 */
public final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /**
     * Points the driver at an unpacked copy in {@code folder}, making it first if needed. Does nothing when a
     * library path is already set (the installed application ships the library unpacked). Call it before the
     * first connection.
     *
     * @return the copy the driver will load, or {@code null} when the driver is left to unpack it itself
     */
    public static Path useUnpackedCopyIn(Path folder) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return null;
        }
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            URL resource = LibraryLoaderUtil.class.getResource(resourcePath());
            if (resource == null) {
                return null;
            }
            URLConnection connection = resource.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return null;
            }
            JarEntry entry = jar.getJarEntry();
            Path copy = folder.resolve(versionedName(name, entry.getCrc()));
            if (!Files.isRegularFile(copy) || Files.size(copy) != entry.getSize()) {
                Files.createDirectories(folder);
                Path part = Files.createTempFile(folder, copy.getFileName().toString(), ".part");
                try (InputStream in = jar.getInputStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    moveIntoPlace(part, copy);
                } finally {
                    Files.deleteIfExists(part);
                }
                removeOtherBuilds(folder, name, copy);
            }
            System.setProperty(PATH_PROPERTY, folder.toString());
            System.setProperty(NAME_PROPERTY, copy.getFileName().toString());
            return copy;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Where the driver's jar holds the library for this platform, as an absolute resource name. */
    static String resourcePath() {
        String folderInJar = LibraryLoaderUtil.getNativeLibResourcePath();
        return (folderInJar.startsWith("/") ? "" : "/") + folderInJar + "/" + LibraryLoaderUtil.getNativeLibName();
    }

    /** {@code libsqlitejdbc.so} with CRC 0x1f2e becomes {@code libsqlitejdbc-1f2e.so}. */
    static String versionedName(String name, long crc) {
        int dot = name.lastIndexOf('.');
        String suffix = "-" + Long.toHexString(crc);
        return dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot);
    }

    /**
     * Deletes the copies other builds left in {@code folder}. One still loaded by a running older version stays
     * usable on Linux and macOS; Windows refuses to delete it, and it is left for a later start.
     */
    static void removeOtherBuilds(Path folder, String name, Path keep) {
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        Pattern otherBuild = Pattern.compile(Pattern.quote(stem) + "-[0-9a-f]+" + Pattern.quote(extension));
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> !file.equals(keep) && otherBuild.matcher(file.getFileName().toString()).matches())
                    .forEach(SqliteNativeLibrary::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // Only tidying: the copy in use is in place.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // In use by another process (Windows) or not ours to delete: left for a later start.
        }
    }

    private static void moveIntoPlace(Path part, Path copy) throws IOException {
        try {
            Files.move(part, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
