package org.refusalworkbench.fileio;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Reads and writes Parquet with parquet-java but without Hadoop on the class path. parquet-java compiles against
 * Hadoop and its option builders create Hadoop's codec factory; this class gives it a plain configuration and
 * {@link ParquetCodecs} instead, so only the Parquet jars ship. The tests run without Hadoop on their class path
 * (the build keeps it at compile time only), so any path that still reaches Hadoop fails there, not on a desktop.
 */
public final class ParquetFiles {

    /** The largest page buffer a reader allocates; parquet-java's own default. */
    private static final int MAX_ALLOCATION = 8 * 1024 * 1024;
    private static final Constructor<ParquetReadOptions> READ_OPTIONS = readOptionsConstructor();

    private ParquetFiles() {
    }

    /** A reader of a local file; the caller closes it. */
    public static ParquetFileReader open(Path file) throws IOException {
        return new ParquetFileReader(new LocalInputFile(file), readOptions());
    }

    /** A writer of rows of {@code schema} to a stream (left open), Zstandard-compressed as pyarrow writes them. */
    public static ParquetWriter<Group> writer(OutputStream out, MessageType schema) throws IOException {
        return ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    /**
     * The options {@code ParquetReadOptions.builder()} would give, but with our codecs: its builder creates
     * Hadoop's codec factory in its constructor, before {@code withCodecFactory} could replace it, so the options
     * are made with the constructor the builder calls.
     */
    static ParquetReadOptions readOptions() throws IOException {
        try {
            return READ_OPTIONS.newInstance(false, true, true, true, true, false, true, false, false,
                    FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, new ParquetCodecs(),
                    new HeapByteBufferAllocator(), MAX_ALLOCATION, new HashMap<String, String>(), null, null,
                    new PlainParquetConfiguration());
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IOException("cannot set up the Parquet reader: " + e, e);
        }
    }

    private static Constructor<ParquetReadOptions> readOptionsConstructor() {
        try {
            Constructor<ParquetReadOptions> constructor = ParquetReadOptions.class.getDeclaredConstructor(
                    boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
                    boolean.class, boolean.class, boolean.class, FilterCompat.Filter.class,
                    ParquetMetadataConverter.MetadataFilter.class, CompressionCodecFactory.class,
                    ByteBufferAllocator.class, int.class, Map.class, FileDecryptionProperties.class,
                    ParquetMetricsCallback.class, ParquetConfiguration.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            // Only a parquet-java upgrade causes this, and the Parquet tests catch it at build time.
            throw new IllegalStateException("parquet-java's ParquetReadOptions constructor changed", e);
        }
    }

    /** Parquet writes front to back, so any stream will do: it only needs to know how far it has got. */
    private static final class StreamOutputFile implements OutputFile {
        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    position += length;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    // The stream is the caller's: flushed, not closed (standard output, WholeFile's stream).
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
