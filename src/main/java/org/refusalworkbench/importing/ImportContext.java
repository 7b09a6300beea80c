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
 */
record ImportContext(String file, Container container, Taxonomy taxonomy, String model, boolean keepUnknown,
                     ObjectMapper json) {

    ImportException error(long line, String reason) {
        return new ImportException(file, line, reason);
    }
}
