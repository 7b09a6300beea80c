package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an import lets in but a person should hear about: responses with no text (a benchmark's prompt file with
 * empty response slots imports as nothing worth labelling). Filled on the reading thread, read after the import.
 */
final class ImportWarnings {

    private long emptyResponses;
    private String firstEmpty;

    synchronized void emptyResponse(String file, long line) {
        if (emptyResponses++ == 0) {
            firstEmpty = file + ":" + line;
        }
    }

    synchronized List<String> describe() {
        List<String> warnings = new ArrayList<>();
        if (emptyResponses > 0) {
            warnings.add(String.format(Locale.ROOT, "%,d response(s) have no text (the first at %s)", emptyResponses,
                    firstEmpty));
        }
        return warnings;
    }
}
