package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.refusalworkbench.fileio.StrictUtf8Reader;

/**
 * Streams a CSV file with a header row through Jackson's CSV parser, reading strict UTF-8, and reports each row
 * with the line it starts on (a quoted cell may span several lines) and invalid UTF-8 on the line of the bad byte.
 * LF, CR LF and a CR on its own end a row; inside a quoted cell they are the cell's text. Blank lines (nothing but
 * spaces) hold no cells and are skipped, as in JSON Lines: a row of this format has at least three cells.
 */
final class CsvRows implements AutoCloseable {

    private final CountingInputStream counting;
    private final MappingIterator<String[]> rows;
    private final String file;
    private final List<String> header;
    private long rowLine = 1;

    CsvRows(InputStream in, String file) throws ImportException {
        this.file = file;
        this.counting = new CountingInputStream(in);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try {
            this.rows = mapper.readerFor(String[].class).with(CsvSchema.emptySchema())
                    .readValues(new StrictUtf8Reader(counting));
            if (!rows.hasNextValue()) {
                throw ImportException.stoppingFile(file, 1, "the file is empty: expected a header row");
            }
            List<String> names = new ArrayList<>();
            for (String name : rows.nextValue()) {
                names.add(name.strip().replace("\uFEFF", ""));
            }
            this.header = List.copyOf(names);
        } catch (IOException e) {
            throw failure(1, e);
        }
    }

    List<String> header() {
        return header;
    }

    /** @return the next non-blank row's cells, or {@code null} at the end */
    String[] next() throws ImportException {
        long line = rowLine;
        try {
            String[] cells;
            do {
                if (!rows.hasNextValue()) {
                    return null;
                }
                line = rows.getCurrentLocation().getLineNr();
                rowLine = line;
                cells = rows.nextValue();
            } while (cells.length == 1 && cells[0].isBlank());
            if (cells.length != header.size()) {
                throw new ImportException(file, line, "expected " + header.size() + " cells as in the header, found "
                        + cells.length);
            }
            return cells;
        } catch (IOException | RuntimeException e) {
            throw failure(line, e);
        }
    }

    /** The line the row last returned by {@link #next()} started on (a quoted cell may span lines). */
    long currentLine() {
        return rowLine;
    }

    long bytesRead() {
        return counting.count();
    }

    private ImportException failure(long line, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictUtf8Reader.InvalidUtf8Exception invalid) {
                return ImportException.stoppingFile(file, invalid.line(),
                        "invalid UTF-8 (the file must be saved as UTF-8)");
            }
        }
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        // The parser cannot say where the next row starts after a broken quote, so nothing after it is read.
        return ImportException.stoppingFile(file, line, "not valid CSV: " + message);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
