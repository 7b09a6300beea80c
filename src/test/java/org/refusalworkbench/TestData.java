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
        return dataFolder("xstest");
    }

    /** CoCoNot's evaluation and preference files as released (the evaluation files hold prompts only). */
    public static Path coconot(String file) {
        return dataFolder("coconot").resolve(file);
    }

    /** OpenAI's RBR gold data, {@code train.jsonl} or {@code test.jsonl}. */
    public static Path rbrGold(String file) {
        return dataFolder("openai_rbr_gold").resolve(file);
    }

    private static Path dataFolder(String name) {
        return Path.of(System.getProperty("test.data.dir", "src/test/resources/data"), name);
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
