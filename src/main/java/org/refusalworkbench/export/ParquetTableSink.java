package org.refusalworkbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import org.refusalworkbench.fileio.ParquetFiles;

/**
 * A flat table as Parquet: one column per table column with the type it declares (strings as UTF-8 text,
 * booleans, 64-bit integers and doubles; a string list as Parquet's three-level LIST, as pyarrow writes it),
 * required where the column is never null. pandas and {@code datasets} read the same columns and types as from
 * the JSON Lines table.
 */
final class ParquetTableSink implements TableSink {

    private final List<TableColumn> columns;
    private final MessageType schema;
    private final SimpleGroupFactory rows;
    private final ParquetWriter<Group> writer;

    ParquetTableSink(OutputStream out, List<TableColumn> columns) throws IOException {
        this.columns = List.copyOf(columns);
        this.schema = schema(columns);
        this.rows = new SimpleGroupFactory(schema);
        this.writer = ParquetFiles.writer(out, schema);
    }

    static MessageType schema(List<TableColumn> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (TableColumn column : columns) {
            Type.Repetition repetition = column.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            switch (column.type()) {
                case STRING -> message.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(column.name());
                case BOOLEAN -> message.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(column.name());
                case INT64 -> message.primitive(PrimitiveTypeName.INT64, repetition).named(column.name());
                case DOUBLE -> message.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
                case STRING_LIST -> message.addField(Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                        .repeatedGroup().optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named("element").named("list").named(column.name()));
            }
        }
        return message.named("row");
    }

    @Override
    public List<TableColumn> columns() {
        return columns;
    }

    @Override
    public void row(Object... values) throws IOException {
        TableRows.check(columns, values);
        Group row = rows.newGroup();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            String name = columns.get(i).name();
            if (value == null) {
                continue;
            }
            if (value instanceof Boolean bool) {
                row.append(name, bool);
            } else if (value instanceof Long number) {
                row.append(name, number);
            } else if (value instanceof Double number) {
                row.append(name, number);
            } else if (value instanceof List<?> list) {
                Group items = row.addGroup(name);
                for (Object item : list) {
                    items.addGroup("list").append("element", (String) item);
                }
            } else {
                row.append(name, (String) value);
            }
        }
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
