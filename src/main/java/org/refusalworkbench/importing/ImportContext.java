package org.refusalworkbench.importing;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * What a format's mapper needs besides its rows.
 *
 * @param file        the file's name as messages give it
 * @param container   what holds the rows: CSV cells arrive as text, so an empty cell means "not given" there
 * @param model       the model named by {@code --model}, for rows that name none; {@code null} if not given
 * @param keepUnknown whether fields the format does not know go into the response's {@code meta} instead of
 *                    being errors
 * @param mapping     the mapping file's reading of the rows, or {@code null} without {@code --map}
 */
record ImportContext(String file, Container container, Taxonomy taxonomy, String model, boolean keepUnknown,
                     ObjectMapper json, ImportMapping mapping) {

    /** For a mapper that hands rows it has built itself to another: JSON values, nothing unknown left. */
    ImportContext forBuiltRows() {
        return new ImportContext(file, Container.JSON_LINES, taxonomy, model, false, json, null);
    }

    ImportException error(long line, String reason) {
        return new ImportException(file, line, reason);
    }
}
