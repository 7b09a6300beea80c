package org.refusalworkbench;

import java.nio.file.Path;

/**
 * Real data the tests read, kept inside the repository so a clone anywhere tests itself. It lives under
 * {@code src/test/resources/data} with its licence and provenance and never reaches the app's jar or installers.
 */
public final class TestData {

    private TestData() {
    }

    /** The folder of XSTest's prompt list and five completion files. */
    public static Path xstestFolder() {
        return Path.of(System.getProperty("test.data.dir", "src/test/resources/data"), "xstest");
    }

    /** One of XSTest's completion files, e.g. {@code gpt4}. */
    public static Path xstestCompletions(String model) {
        return xstestFolder().resolve("xstest_v2_completions_" + model + ".csv");
    }
}
