package org.refusalworkbench.export;

import java.io.OutputStream;
import java.sql.Connection;

/** Preference pairs for training (built in the next step). */
final class PreferenceExport {

    private final Connection connection;

    PreferenceExport(Connection connection) {
        this.connection = connection;
    }

    ExportSummary write(ExportOptions options, OutputStream out, Progress progress) throws Exception {
        throw new UnsupportedOperationException("preference export is not available yet");
    }
}
