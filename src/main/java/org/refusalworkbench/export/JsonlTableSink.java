package org.refusalworkbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** A flat table as JSON Lines: one object a row, every column in every row, {@code null} where a value is absent. */
final class JsonlTableSink implements TableSink {

    private final List<TableColumn> columns;
    private final JsonGenerator generator;

    JsonlTableSink(OutputStream out, List<TableColumn> columns) throws IOException {
        this.columns = List.copyOf(columns);
        this.generator = JsonMapper.builder().build().getFactory().createGenerator(out, JsonEncoding.UTF8);
        // Each row ends its own line; the caller's stream stays open for its own closing.
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public List<TableColumn> columns() {
        return columns;
    }

    @Override
    public void row(Object... values) throws IOException {
        TableRows.check(columns, values);
        generator.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            generator.writeFieldName(columns.get(i).name());
            Object value = values[i];
            if (value == null) {
                generator.writeNull();
            } else if (value instanceof Boolean bool) {
                generator.writeBoolean(bool);
            } else if (value instanceof Long number) {
                generator.writeNumber(number);
            } else if (value instanceof Double number) {
                generator.writeNumber(number);
            } else if (value instanceof List<?> list) {
                generator.writeStartArray();
                for (Object item : list) {
                    generator.writeString((String) item);
                }
                generator.writeEndArray();
            } else {
                generator.writeString((String) value);
            }
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        generator.flush();
        generator.close();
    }
}
