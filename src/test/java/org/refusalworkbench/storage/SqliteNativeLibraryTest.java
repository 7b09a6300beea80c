package org.refusalworkbench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {

    @TempDir
    Path folder;
    private String pathBefore;
    private String nameBefore;

    /** The properties are the driver's, for the whole test JVM: each test starts without them and puts them back. */
    @BeforeEach
    void clearDriverProperties() {
        pathBefore = System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        nameBefore = System.clearProperty(SqliteNativeLibrary.NAME_PROPERTY);
    }

    @AfterEach
    void restoreDriverProperties() {
        restore(SqliteNativeLibrary.PATH_PROPERTY, pathBefore);
        restore(SqliteNativeLibrary.NAME_PROPERTY, nameBefore);
    }

    @Test
    void unpacksTheLibraryOnceAndPointsTheDriverAtTheCopy() throws Exception {
        Path unpacked = folder.resolve("unpacked");

        Path copy = SqliteNativeLibrary.useUnpackedCopyIn(unpacked);

        assertThat(copy).isRegularFile().hasParent(unpacked);
        assertThat(Files.readAllBytes(copy)).isEqualTo(libraryInJar());
        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isEqualTo(unpacked.toString());
        assertThat(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY)).isEqualTo(copy.getFileName().toString());

        FileTime written = Files.getLastModifiedTime(copy);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(written.toMillis() - 60_000));
        FileTime backdated = Files.getLastModifiedTime(copy);
        System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        assertThat(SqliteNativeLibrary.useUnpackedCopyIn(unpacked)).isEqualTo(copy);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(backdated);
        try (Stream<Path> files = Files.list(unpacked)) {
            assertThat(files).containsExactly(copy);
        }
    }

    @Test
    void aNewCopyRemovesTheCopiesOfEarlierBuildsAndNothingElse() throws Exception {
        String name = LibraryLoaderUtil.getNativeLibName();
        Path earlier = folder.resolve(SqliteNativeLibrary.versionedName(name, 0x1f2eL));
        Path older = folder.resolve(SqliteNativeLibrary.versionedName(name, 0xabcdef01L));
        Path unrelated = folder.resolve("notes-1f2e.txt");
        Path project = folder.resolve(name + "-backup");
        for (Path file : List.of(earlier, older, unrelated, project)) {
            Files.write(file, new byte[] {1});
        }

        Path copy = SqliteNativeLibrary.useUnpackedCopyIn(folder);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactlyInAnyOrder(copy, unrelated, project);
        }
    }

    @Test
    void aCutShortCopyIsWrittenAgain() throws Exception {
        Path copy = SqliteNativeLibrary.useUnpackedCopyIn(folder);
        Files.write(copy, new byte[] {0x7f, 'E', 'L', 'F'});
        System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);

        SqliteNativeLibrary.useUnpackedCopyIn(folder);

        assertThat(Files.readAllBytes(copy)).isEqualTo(libraryInJar());
    }

    @Test
    void aLibraryPathAlreadySetIsLeftAlone() {
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/opt/refusal-workbench/lib/app/unpacked");

        assertThat(SqliteNativeLibrary.useUnpackedCopyIn(folder)).isNull();
        assertThat(folder).isEmptyDirectory();
        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY))
                .isEqualTo("/opt/refusal-workbench/lib/app/unpacked");
    }

    @Test
    void aFolderThatCannotBeMadeLeavesTheDriverToUnpackAsBefore() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

        assertThat(SqliteNativeLibrary.useUnpackedCopyIn(file.resolve("unpacked"))).isNull();
        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isNull();
        assertThat(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY)).isNull();
    }

    @Test
    void theDriverLoadsTheCopyAndUnpacksNothingIntoTheTemporaryFolder() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc to see what is loaded");
        Path unpacked = folder.resolve("unpacked");
        Path temporary = Files.createDirectory(folder.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Djava.io.tmpdir=" + temporary, "-cp",
                System.getProperty("java.class.path"), NativeLibraryProbe.class.getName(), unpacked.toString()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor()).as(output).isZero();

        Path copy;
        try (Stream<Path> files = Files.list(unpacked)) {
            copy = files.findFirst().orElseThrow();
        }
        assertThat(output).contains("copy " + copy).contains("mapped " + copy);
        assertThat(temporary).isEmptyDirectory();
    }

    @Test
    void theCopysNameCarriesTheCrc() {
        assertThat(SqliteNativeLibrary.versionedName("libsqlitejdbc.so", 0x1f2eL)).isEqualTo("libsqlitejdbc-1f2e.so");
        assertThat(SqliteNativeLibrary.versionedName("sqlitejdbc.dll", 0xabcL)).isEqualTo("sqlitejdbc-abc.dll");
        assertThat(SqliteNativeLibrary.versionedName("sqlitejdbc", 0x1L)).isEqualTo("sqlitejdbc-1");
    }

    private static byte[] libraryInJar() throws Exception {
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(SqliteNativeLibrary.resourcePath())) {
            return in.readAllBytes();
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
