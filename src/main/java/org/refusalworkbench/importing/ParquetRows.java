package org.refusalworkbench.importing;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import org.refusalworkbench.fileio.ParquetFiles;

/**
 * A Parquet file's rows as JSON objects, a row group at a time: strings stay text, booleans and numbers keep their
 * types, a list (Parquet's LIST, as pyarrow and {@code datasets} write it) is a JSON array, a struct an object and
 * a map an object of its keys. A missing optional value is JSON null, as in a JSON Lines file that gives it as
 * null. Positions are 1-based row numbers.
 */
final class ParquetRows implements RowSource {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private final List<String> columns = new ArrayList<>();
    private RecordReader<Group> rows;
    private long leftInGroup;
    private long position;
    private long bytesRead;
    private int rowGroup;

    private ParquetRows(String file, ParquetFileReader reader) {
        this.file = file;
        this.reader = reader;
        this.schema = reader.getFooter().getFileMetaData().getSchema();
        schema.getFields().forEach(field -> columns.add(field.getName()));
    }

    static ParquetRows open(Path path, String file) throws ImportException {
        ParquetFileReader reader;
        try {
            reader = ParquetFiles.open(path);
        } catch (IOException | RuntimeException e) {
            String reason = reason(e);
            // parquet-java names the file by its object ("LocalInputFile@1a2b"); say what it found instead.
            if (reason.contains("is not a Parquet file")) {
                reason = "no Parquet footer at its end: cut short, or not Parquet at all";
            }
            throw ImportException.stoppingFile(file, 0, "not a readable Parquet file (" + reason + ")");
        }
        return new ParquetRows(file, reader);
    }

    @Override
    public ObjectNode next() throws ImportException {
        try {
            while (leftInGroup == 0) {
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) {
                    return null;
                }
                List<BlockMetaData> blocks = reader.getFooter().getBlocks();
                bytesRead += rowGroup < blocks.size() ? blocks.get(rowGroup).getCompressedSize() : 0;
                rowGroup++;
                leftInGroup = pages.getRowCount();
                rows = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages,
                        new GroupRecordConverter(schema));
            }
            leftInGroup--;
            position++;
            return object(rows.read(), schema);
        } catch (IOException | ParquetDecodingException e) {
            throw ImportException.stoppingFile(file, position + 1, "cannot read row " + (position + 1) + " ("
                    + reason(e) + "); the file is damaged or cut short");
        }
    }

    private ObjectNode object(Group group, GroupType type) throws ImportException {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < type.getFieldCount(); i++) {
            Type field = type.getType(i);
            object.set(field.getName(), field(group, i, field));
        }
        return object;
    }

    /** One field of a group: null when absent, an array when repeated, else its one value. */
    private JsonNode field(Group group, int index, Type field) throws ImportException {
        int count = group.getFieldRepetitionCount(index);
        if (field.isRepetition(Type.Repetition.REPEATED)) {
            ArrayNode values = NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                values.add(value(group, index, i, field));
            }
            return values;
        }
        return count == 0 ? NODES.nullNode() : value(group, index, 0, field);
    }

    private JsonNode value(Group group, int index, int at, Type field) throws ImportException {
        if (field.isPrimitive()) {
            return primitive(group, index, at, field.asPrimitiveType());
        }
        GroupType inner = field.asGroupType();
        Group value = group.getGroup(index, at);
        LogicalTypeAnnotation logical = inner.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            return list(value, inner);
        }
        if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
            return map(value, inner);
        }
        return object(value, inner);
    }

    /** LIST: {@code group (LIST) { repeated group list { element } }}, or the older two-level form. */
    private JsonNode list(Group list, GroupType type) throws ImportException {
        ArrayNode values = NODES.arrayNode();
        Type repeated = type.getType(0);
        for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
            if (repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1) {
                values.add(value(list, 0, i, repeated));
            } else {
                Group entry = list.getGroup(0, i);
                Type element = repeated.asGroupType().getType(0);
                values.add(entry.getFieldRepetitionCount(0) == 0 ? NODES.nullNode() : value(entry, 0, 0, element));
            }
        }
        return values;
    }

    /** MAP: {@code group (MAP) { repeated group key_value { key; value } }}; keys read as text. */
    private JsonNode map(Group map, GroupType type) throws ImportException {
        ObjectNode object = NODES.objectNode();
        GroupType entries = type.getType(0).asGroupType();
        for (int i = 0; i < map.getFieldRepetitionCount(0); i++) {
            Group entry = map.getGroup(0, i);
            String key = value(entry, 0, 0, entries.getType(0)).asText();
            object.set(key, entries.getFieldCount() < 2 || entry.getFieldRepetitionCount(1) == 0 ? NODES.nullNode()
                    : value(entry, 1, 0, entries.getType(1)));
        }
        return object;
    }

    private JsonNode primitive(Group group, int index, int at, PrimitiveType type) throws ImportException {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> NODES.booleanNode(group.getBoolean(index, at));
            case INT32 -> NODES.numberNode(group.getInteger(index, at));
            case INT64 -> NODES.numberNode(group.getLong(index, at));
            case FLOAT -> NODES.numberNode(group.getFloat(index, at));
            case DOUBLE -> NODES.numberNode(group.getDouble(index, at));
            case BINARY -> NODES.textNode(text(group.getBinary(index, at).getBytes(), type));
            case INT96, FIXED_LEN_BYTE_ARRAY -> throw ImportException.stoppingFile(file, 0, "column '"
                    + type.getName() + "' is " + type.getPrimitiveTypeName() + (logical == null ? "" : " (" + logical
                    + ")") + ", which has no JSON value here; leave the column out or convert it to text");
        };
    }

    /** Text columns are UTF-8 by Parquet's rules; invalid bytes are an error, never replaced with '?'. */
    private String text(byte[] bytes, PrimitiveType type) throws ImportException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ImportException(file, position, "column '" + type.getName() + "': invalid UTF-8");
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public Optional<List<String>> columns() {
        return Optional.of(List.copyOf(columns));
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
