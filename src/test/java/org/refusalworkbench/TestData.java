package org.refusalworkbench;

import java.io.IOException;
import java.nio.file.Files;
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

    /** The example taxonomy of docs/taxonomy.md ("Writing your own taxonomy"), so the documented file is tested. */
    public static String taxonomyExampleFromDocs() throws IOException {
        String doc = Files.readString(Path.of("docs/taxonomy.md"));
        int section = doc.indexOf("## Writing your own taxonomy");
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }
}
