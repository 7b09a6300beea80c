package org.refusalworkbench.fileio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet's page codecs without Hadoop: parquet-java's own factory goes through Hadoop's codec classes, which a
 * desktop app should not carry (tens of megabytes). Reads the codecs the Hugging Face hub's files use (Snappy, the
 * default of pyarrow and {@code datasets}; Zstandard; gzip; none) and writes Zstandard. Other codecs (LZ4, LZO,
 * Brotli) are refused by name.
 */
final class ParquetCodecs implements CompressionCodecFactory {

    /** Zstandard's default level: pyarrow's too. */
    private static final int ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.ZSTD && codec != CompressionCodecName.UNCOMPRESSED) {
            throw new UnsupportedOperationException("writing " + codec + " pages");
        }
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return codec == CompressionCodecName.UNCOMPRESSED ? bytes
                        : BytesInput.from(Zstd.compress(bytes.toInputStream().readAllBytes(), ZSTD_LEVEL));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(ParquetCodecs.decompress(codec, bytes.toInputStream().readAllBytes(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(ParquetCodecs.decompress(codec, compressed, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    static byte[] decompress(CompressionCodecName codec, byte[] compressed, int uncompressedSize)
            throws IOException {
        byte[] plain = switch (codec) {
            case UNCOMPRESSED -> compressed;
            case SNAPPY -> Snappy.uncompress(compressed);
            case ZSTD -> Zstd.decompress(compressed, uncompressedSize);
            case GZIP -> gunzip(compressed, uncompressedSize);
            default -> throw new IOException("pages compressed with " + codec + " cannot be read; write the file"
                    + " with snappy or zstd (pyarrow: compression=\"zstd\")");
        };
        if (plain.length != uncompressedSize) {
            throw new IOException("a " + codec + " page decompressed to " + plain.length + " bytes, not the "
                    + uncompressedSize + " its header gives: the file is damaged");
        }
        return plain;
    }


    private static byte[] gunzip(byte[] compressed, int uncompressedSize) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readNBytes(uncompressedSize);
        }
    }

    @Override
    public void release() {
    }
}
