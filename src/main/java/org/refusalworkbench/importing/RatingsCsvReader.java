package org.refusalworkbench.importing;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.refusalworkbench.fileio.CsvRecordReader;

/**
 * Streams a {@code unit,rater,value} CSV into {@link Ratings} (the agreement engine's rating table) with
 * {@link CsvRecordReader}. An empty value is a missing rating; a set is written {@code a|b|c}. Errors name the file
 * and the line; the first problem in the file is the one reported, whether the parser or the ratings find it.
 */
public final class RatingsCsvReader {

    /** Where the ratings go, one at a time in file order; what they add up to is what {@link #read} returns. */
    public interface Ratings<T> {

        /** Values are sets of options, split from {@code a|b|c}, rather than one category each. */
        boolean setValued();

        /** An estimate of how many ratings are coming, sent once before the first of a large file. */
        void expect(int ratings);

        /** How many ratings were added: the index the next one will have. */
        int size();

        void add(String unit, String rater, String value) throws RejectedRatingException;

        void addSet(String unit, String rater, List<String> values) throws RejectedRatingException;

        T finish() throws RejectedRatingException;
    }

    /** A rating the ratings refuse; the reader turns the indexes into lines of the file. */
    public static final class RejectedRatingException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int ratingIndex;
        private final int earlierRatingIndex;

        /**
         * @param ratingIndex        0-based index of the rating, or -1 when the problem concerns them all
         * @param earlierRatingIndex for a duplicate, the index of the first of the two; -1 otherwise
         */
        public RejectedRatingException(String message, int ratingIndex, int earlierRatingIndex, Throwable cause) {
            super(message, cause);
            this.ratingIndex = ratingIndex;
            this.earlierRatingIndex = earlierRatingIndex;
        }
    }

    private static final List<String> HEADER = List.of("unit", "rater", "value");

    private final Path file;
    private final String name;
    private final RatingLines lines = new RatingLines();

    public RatingsCsvReader(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    public <T> T read(Ratings<T> ratings) throws RatingsFileException {
        RecordStream records = new RecordStream();
        Thread parser = new Thread(records, "ratings-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            while (true) {
                Object item = records.queue.take();
                if (item instanceof Batch batch) {
                    for (int i = 0; i < batch.size; i++) {
                        lines.remember(ratings.size(), batch.lines[i]);
                        add(ratings, batch.fields[3 * i], batch.fields[3 * i + 1], batch.fields[3 * i + 2]);
                    }
                } else if (item instanceof ExpectedRatings expected) {
                    ratings.expect(expected.count());
                } else if (item instanceof RatingsFileException failure) {
                    throw failure;
                } else {
                    return ratings.finish();
                }
            }
        } catch (RejectedRatingException e) {
            throw new RatingsFileException(name, lineOf(e.ratingIndex), reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RatingsFileException(name, 0, "interrupted");
        } finally {
            records.cancelled = true;
            records.queue.clear();
        }
    }

    /** An estimate of the file's ratings from the length of its first lines, sent before the first batch. */
    private record ExpectedRatings(int count) {
    }

    /** Ratings in file order: unit, rater and value of each, and the line it is on. */
    private record Batch(String[] fields, long[] lines, int size) {
    }

    /**
     * Parses on its own thread while the reading thread adds the ratings to the table, so the two halves of the
     * work overlap on two cores. Hands over batches in file order through a small queue, then either the end or
     * the first problem in the file.
     */
    private final class RecordStream implements Runnable {
        private static final int BATCH = 4096;
        /** Past this the arrays grow as ratings arrive; an estimate is not worth a gigabyte up front. */
        private static final int MAX_EXPECTED = 1 << 26;
        private static final Object END = new Object();

        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
        volatile boolean cancelled;

        @Override
        public void run() {
            long line = 0;
            CsvRecordReader parser = null;
            try (CsvRecordReader csv = new CsvRecordReader(Files.newInputStream(file))) {
                parser = csv;
                int[] columns = null;
                boolean estimated = false;
                String[] fields = new String[HEADER.size()];
                String[] batch = new String[3 * BATCH];
                long[] lines = new long[BATCH];
                int size = 0;
                int count;
                while ((count = csv.next(fields)) >= 0) {
                    line = csv.recordLine();
                    if (count == 1 && fields[0].isEmpty()) {
                        continue;
                    }
                    if (columns == null) {
                        columns = header(fields, count, line);
                        continue;
                    }
                    if (count != HEADER.size()) {
                        throw new RatingsFileException(name, line, "expected 3 fields (unit,rater,value), found "
                                + count);
                    }
                    String value = fields[columns[2]];
                    if (value.isBlank()) {
                        continue;
                    }
                    batch[3 * size] = fields[columns[0]];
                    batch[3 * size + 1] = fields[columns[1]];
                    batch[3 * size + 2] = value;
                    lines[size++] = line;
                    if (size == BATCH) {
                        if (!estimated) {
                            estimated = true;
                            Optional<ExpectedRatings> expected = expectedRatings(csv, size);
                            if (expected.isPresent()) {
                                put(expected.get());
                            }
                        }
                        put(new Batch(batch, lines, size));
                        batch = new String[3 * BATCH];
                        lines = new long[BATCH];
                        size = 0;
                    }
                }
                if (columns == null) {
                    throw new RatingsFileException(name, 1, "empty file; expected the header unit,rater,value");
                }
                put(new Batch(batch, lines, size));
                put(END);
            } catch (RatingsFileException e) {
                offer(e);
            } catch (NoSuchFileException e) {
                offer(new RatingsFileException(name, 0, "no such file"));
            } catch (CharacterCodingException e) {
                offer(new RatingsFileException(name, parser == null ? 1 : parser.recordLine(), "invalid UTF-8"));
            } catch (IOException e) {
                offer(new RatingsFileException(name, line, "cannot read: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void put(Object item) throws InterruptedException {
            while (!cancelled) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }

        /**
         * The first batch's share of the bytes read, scaled to the file's size with a little to spare; none for
         * input of unknown size (a pipe) or a file too small to need it.
         */
        private Optional<ExpectedRatings> expectedRatings(CsvRecordReader csv, int ratingsSoFar) throws IOException {
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            long bytesSoFar = csv.bytesRead();
            if (size <= bytesSoFar || bytesSoFar == 0) {
                return Optional.empty();
            }
            double estimate = 1.05 * ratingsSoFar * ((double) size / bytesSoFar);
            return Optional.of(new ExpectedRatings((int) Math.min(estimate, MAX_EXPECTED)));
        }

        private void offer(RatingsFileException failure) {
            try {
                put(failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int[] header(String[] fields, int count, long line) throws RatingsFileException {
        String[] names = Arrays.copyOf(fields, Math.min(count, fields.length));
        int[] columns = new int[HEADER.size()];
        for (int c = 0; c < HEADER.size(); c++) {
            columns[c] = Arrays.asList(names).indexOf(HEADER.get(c));
        }
        if (count != HEADER.size() || Arrays.stream(columns).anyMatch(c -> c < 0)) {
            throw new RatingsFileException(name, line, "expected the header unit,rater,value, found "
                    + String.join(",", names) + (count > names.length ? ",..." : ""));
        }
        return columns;
    }

    private static void add(Ratings<?> ratings, String unit, String rater, String value)
            throws RejectedRatingException {
        if (ratings.setValued()) {
            ratings.addSet(unit, rater, Arrays.asList(value.split("\\|", -1)));
        } else {
            ratings.add(unit, rater, value);
        }
    }

    /** Line of a rating; problems with the table as a whole (index -1) point at the first rating. */
    private long lineOf(int ratingIndex) {
        return lines.lineOf(Math.max(ratingIndex, 0));
    }

    /**
     * The line of every rating, for error messages, without a number per rating: consecutive ratings sit on
     * consecutive lines except after a skipped line (blank line, empty value, quoted line break), so only the
     * ratings where the distance between rating index and line changes are kept.
     */
    static final class RatingLines {
        private int[] firstRating = new int[16];
        private long[] lineMinusRating = new long[16];
        private int segments;

        void remember(int ratingIndex, long line) {
            long offset = line - ratingIndex;
            if (segments > 0 && lineMinusRating[segments - 1] == offset) {
                return;
            }
            if (segments == firstRating.length) {
                firstRating = Arrays.copyOf(firstRating, segments * 2);
                lineMinusRating = Arrays.copyOf(lineMinusRating, segments * 2);
            }
            firstRating[segments] = ratingIndex;
            lineMinusRating[segments++] = offset;
        }

        long lineOf(int ratingIndex) {
            int found = Arrays.binarySearch(firstRating, 0, segments, ratingIndex);
            int segment = found >= 0 ? found : -found - 2;
            return segment < 0 ? 0 : ratingIndex + lineMinusRating[segment];
        }
    }

    private String reason(RejectedRatingException e) {
        return e.earlierRatingIndex >= 0
                ? e.getMessage() + " (first on line " + lineOf(e.earlierRatingIndex) + ")"
                : e.getMessage();
    }
}
