package org.refusalworkbench.agreement;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs reference computations in a python3 subprocess. The interpreter is the first of
 * {@code -Dpython3=...}, {@code $PYTHON3}, {@code python3} on the PATH and {@code /usr/bin/python3} that can
 * import the module; if none can, the calling test fails (it never passes silently).
 */
public final class PythonReference {
    private static final Map<String, String> INTERPRETERS = new HashMap<>();

    private PythonReference() {
    }

    /** Runs the script with {@code input} on stdin and returns the {@code name value} pairs it prints. */
    public static Map<String, Double> run(String module, String script, String input) {
        String python = interpreterWith(module);
        try {
            Process process = new ProcessBuilder(python, "-c", script).redirectErrorStream(false).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail(python + " failed running the " + module + " reference script:\n" + err);
            }
            Map<String, Double> values = new HashMap<>();
            for (String line : out.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    values.put(parts[0], Double.parseDouble(parts[1]));
                }
            }
            return values;
        } catch (IOException e) {
            return fail("could not run " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + python);
        }
    }

    private static synchronized String interpreterWith(String module) {
        String known = INTERPRETERS.get(module);
        if (known != null) {
            return known;
        }
        Set<String> candidates = new LinkedHashSet<>();
        if (System.getProperty("python3") != null) {
            candidates.add(System.getProperty("python3"));
        }
        if (System.getenv("PYTHON3") != null) {
            candidates.add(System.getenv("PYTHON3"));
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates) {
            tried.add(candidate);
            if (canImport(candidate, module)) {
                INTERPRETERS.put(module, candidate);
                return candidate;
            }
        }
        return fail("no python3 interpreter can import '" + module + "' (tried " + tried
                + "); install it, e.g. apt-get install -y python3-statsmodels python3-nltk, or pass -Dpython3=/path/to/python3");
    }

    private static boolean canImport(String python, String module) {
        try {
            Process process = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Grid as "unit rater value" lines, skipping missing ratings. */
    static String triples(String[][] rows) {
        StringBuilder text = new StringBuilder();
        for (int u = 0; u < rows.length; u++) {
            for (int g = 0; g < rows[u].length; g++) {
                if (rows[u][g] != null) {
                    text.append("u").append(u).append(' ').append("r").append(g).append(' ')
                            .append(rows[u][g].isEmpty() ? "-" : rows[u][g]).append('\n');
                }
            }
        }
        return text.toString();
    }
}
