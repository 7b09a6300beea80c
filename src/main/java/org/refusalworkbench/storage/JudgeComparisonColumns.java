package org.refusalworkbench.storage;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.ResponseColumns;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;

/**
 * What the judge report compares, read as columns of small integers for one single-choice group: each response's
 * model, prompt safety and category, its annotators' votes, its gold option, and each judge's option. A million
 * responses with five labels and two judges come to some seven million rows; reading them as whole label objects
 * (as {@link JudgementQuery} does for reports over every group) takes ten times as long and a gigabyte more, so
 * this reads only the group's options and has SQLite turn each option id into its position in the taxonomy.
 *
 * <p>Option codes: {@code 0..options-1} is the option's position; {@link #NONE} is no value (no label, not
 * adjudicated, no verdict); {@link #NOT_ONE} is a value that is not exactly one of the options (a gold label that
 * leaves the group open, an unparsed or unknown verdict).
 */
public final class JudgeComparisonColumns {

    public static final int NONE = ResponseColumns.NONE;
    public static final int NOT_ONE = ResponseColumns.NOT_ONE;

    /** Label ids per vote scan: small enough that the scans share out evenly over the cores. */
    private static final long VOTE_CHUNK = 1_000_000;

    private JudgeComparisonColumns() {
    }

    /**
     * Everything the report reads, from one state of the project. {@code votes} has {@code options + 1} slots per
     * response: each option's votes, then the most votes any one withdrawn option id has.
     */
    public record Columns(ResponseColumns responses, int[] votes, int[] gold, int[] annotator, Map<Judge, int[]> judges,
                          List<ResponseJudgements> wholeLabels) {
    }

    /**
     * Reads every column for {@code group}: with {@code annotator}, that annotator's option per response; with
     * {@code wholeLabels}, every response's whole labels too (for a group whose consensus depends on other groups).
     *
     * <p>The scans run side by side on one connection per core (a label scan alone takes seconds on a large
     * project, and each is bound by SQLite stepping rows, so two cores halve it); the votes are scanned in ranges of
     * label ids so the work shares out evenly. Each connection reads in one transaction of its own; so that the
     * columns still come from one state of the project, every transaction first reads the newest row of each table
     * a save adds to ({@link #newestRows}), and when a save landed between them the whole read is done again in one
     * transaction on one connection.
     */
    public static Columns read(ProjectDatabase database, String group, List<String> options, String annotator,
                               boolean wholeLabels) {
        Fingerprinted<Start> start = new Fingerprinted<>(connection -> new Start(ids(connection),
                JudgeLabels.byId(connection)));
        database.readSeparately(connection -> inOneSnapshot(connection, start::run));
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "judge-report-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Columns columns = readInParallel(database, pool, threads, start, group, options, annotator,
                    wholeLabels);
            if (columns != null) {
                return columns;
            }
            return database.readSeparately(connection -> inOneSnapshot(connection, snapshot -> {
                long[] now = ids(snapshot);
                Map<Long, Judge> judgesNow = JudgeLabels.byId(snapshot);
                return readAll(snapshot, now, judgesNow, group, options, annotator, wholeLabels);
            }));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The parallel read, or null when a save landed between its transactions. */
    private static Columns readInParallel(ProjectDatabase database, ExecutorService pool, int workers,
                                          Fingerprinted<Start> start,
                                          String group, List<String> options, String annotator,
                                          boolean wholeLabels) {
        long[] ids = start.result().ids();
        Map<Long, Judge> judgeIds = start.result().judges();
        int width = options.size() + 1;
        AtomicIntegerArray votes = new AtomicIntegerArray(ids.length * width);
        List<Fingerprinted<?>> tasks = new ArrayList<>();
        long newestLabel = start.fingerprint()[1];
        tasks.add(new Fingerprinted<>(connection -> {
            addWithdrawnVotes(connection, ids, group, options, votes);
            return null;
        }));
        for (int option = 0; option < options.size(); option++) {
            int position = option;
            for (long from = 0; from <= newestLabel; from += VOTE_CHUNK) {
                long first = from;
                tasks.add(new Fingerprinted<>(connection -> {
                    addVotes(connection, ids, group, options.get(position), position, width, first,
                            first + VOTE_CHUNK - 1, votes);
                    return null;
                }));
            }
        }
        Fingerprinted<Map<Long, int[]>> judgeOptions = new Fingerprinted<>(connection -> judgeOptions(connection,
                ids, judgeIds.keySet(), group, options));
        tasks.add(judgeOptions);
        Fingerprinted<ResponseColumns> responses = new Fingerprinted<>(connection -> attributes(connection, ids));
        tasks.add(responses);
        Fingerprinted<int[]> gold = new Fingerprinted<>(connection -> gold(connection, ids, group, options));
        tasks.add(gold);
        Fingerprinted<int[]> chosen = annotator == null ? null : new Fingerprinted<>(connection -> annotator(
                connection, ids, annotator, group, options));
        Fingerprinted<List<ResponseJudgements>> labels = wholeLabels ? new Fingerprinted<>(JudgementQuery::all)
                : null;
        if (chosen != null) {
            tasks.add(chosen);
        }
        if (labels != null) {
            tasks.add(labels);
        }
        // Each worker opens one connection and runs the tasks it takes in one read transaction of its own.
        Queue<Fingerprinted<?>> waiting = new ConcurrentLinkedQueue<>(tasks);
        List<Future<?>> running = new ArrayList<>();
        for (int worker = 0; worker < Math.min(workers, tasks.size()); worker++) {
            running.add(pool.submit(() -> database.readSeparately(connection -> {
                for (Fingerprinted<?> task = waiting.poll(); task != null; task = waiting.poll()) {
                    inOneSnapshot(connection, task::run);
                }
                return null;
            })));
        }
        for (Future<?> task : running) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("the judge report's read was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new StorageException("the judge report's read failed: " + e.getCause().getMessage(),
                        e.getCause());
            }
        }
        if (tasks.stream().anyMatch(task -> !Arrays.equals(task.fingerprint(), start.fingerprint()))) {
            return null;
        }
        Map<Judge, int[]> judges = new LinkedHashMap<>();
        judgeIds.forEach((id, judge) -> judges.put(judge, judgeOptions.result().get(id)));
        return new Columns(responses.result(), toArray(votes), gold.result(), chosen == null ? null : chosen.result(),
                judges, labels == null ? null : labels.result());
    }

    private static Columns readAll(Connection connection, long[] ids, Map<Long, Judge> judgeIds, String group,
                                   List<String> options, String annotator, boolean wholeLabels) throws Exception {
        int width = options.size() + 1;
        AtomicIntegerArray votes = new AtomicIntegerArray(ids.length * width);
        addWithdrawnVotes(connection, ids, group, options, votes);
        for (int option = 0; option < options.size(); option++) {
            addVotes(connection, ids, group, options.get(option), option, width, 0, Long.MAX_VALUE, votes);
        }
        Map<Long, int[]> chosen = judgeOptions(connection, ids, judgeIds.keySet(), group, options);
        Map<Judge, int[]> judges = new LinkedHashMap<>();
        judgeIds.forEach((id, judge) -> judges.put(judge, chosen.get(id)));
        return new Columns(attributes(connection, ids), toArray(votes), gold(connection, ids, group, options),
                annotator == null ? null : annotator(connection, ids, annotator, group, options), judges,
                wholeLabels ? JudgementQuery.all(connection) : null);
    }

    /**
     * One scan in its own read transaction, with what the transaction saw of the project: the newest response,
     * label, change, adjudication and judge label. Saves in the app add a change; imports and merges add labels or
     * responses; adjudications and judge runs add their own rows; so two transactions with the same fingerprint
     * saw the same labels.
     */
    private static final class Fingerprinted<T> {
        private final DatabaseWriter.Work<T> work;
        private volatile long[] fingerprint;
        private volatile T result;

        Fingerprinted(DatabaseWriter.Work<T> work) {
            this.work = work;
        }

        T run(Connection connection) throws Exception {
            return run(connection, newestRows(connection));
        }

        /** Runs the work in the transaction that saw {@code newest}. */
        T run(Connection connection, long[] newest) throws Exception {
            fingerprint = newest;
            result = work.run(connection);
            return result;
        }

        long[] fingerprint() {
            return fingerprint;
        }

        T result() {
            return result;
        }
    }

    private static long[] newestRows(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT (SELECT max(id) FROM response),"
                + " (SELECT max(id) FROM label), (SELECT max(id) FROM change_log), (SELECT max(id) FROM adjudication),"
                + " (SELECT max(id) FROM judge_label), (SELECT max(id) FROM judge)");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            long[] newest = new long[6];
            for (int i = 0; i < newest.length; i++) {
                newest[i] = rows.getLong(i + 1);
            }
            return newest;
        }
    }

    /** Runs {@code work} in one read transaction, which ends (rolled back: it changed nothing) however it ends. */
    private static <T> T inOneSnapshot(Connection connection, DatabaseWriter.Work<T> work) throws Exception {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            return work.run(connection);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The rows every scan is laid out by: the response ids in order, and the judges. */
    private record Start(long[] ids, Map<Long, Judge> judges) {
    }

    /** Each response's gold option: {@link #NONE} where not adjudicated, {@link #NOT_ONE} where gold leaves it open. */
    static int[] gold(Connection connection, long[] ids, String group, List<String> options) throws SQLException {
        return oneEach(connection, ids, "SELECT j.response_id, " + code(options, "s") + " FROM adjudication j"
                + " LEFT JOIN adjudication_selection s ON s.adjudication_id = j.id AND s.group_id = ?", options,
                group);
    }

    /** One annotator's option per response: {@link #NONE} unlabelled, {@link #NOT_ONE} left open. */
    static int[] annotator(Connection connection, long[] ids, String annotator, String group, List<String> options)
            throws SQLException {
        return oneEach(connection, ids, "SELECT l.response_id, " + code(options, "s") + " FROM label l"
                + " JOIN annotator a ON a.id = l.annotator_id LEFT JOIN label_selection s ON s.label_id = l.id"
                + " AND s.group_id = ? WHERE a.name = ?", options, group, annotator);
    }

    /** Every response id, in order. */
    static long[] ids(Connection connection) throws SQLException {
        long[] ids = new long[count(connection, "SELECT count(*) FROM response")];
        try (PreparedStatement query = connection.prepareStatement("SELECT min(id), max(id) FROM response");
             ResultSet range = query.executeQuery()) {
            if (range.next() && ids.length > 0 && range.getLong(2) - range.getLong(1) + 1 == ids.length) {
                long first = range.getLong(1);
                Arrays.setAll(ids, row -> first + row);
                return ids;
            }
        }
        int row = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM response ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next() && row < ids.length) {
                ids[row++] = rows.getLong(1);
            }
        }
        return row == ids.length ? ids : Arrays.copyOf(ids, row);
    }

    /**
     * Each response's model, prompt safety and category as codes. Reading the model string of every row costs
     * more than all the rest of this (a string crosses JNI at about half a microsecond), so the response rows give
     * only ids and each model's responses come from the index on the model.
     */
    static ResponseColumns attributes(Connection connection, long[] ids) throws SQLException {
        int[] model = new int[ids.length];
        int[] category = new int[ids.length];
        SafetyLabel[] safety = new SafetyLabel[ids.length];
        Arrays.fill(category, NONE);
        Arrays.fill(safety, SafetyLabel.UNKNOWN);
        List<String> models = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT model FROM response ORDER BY"
                + " model"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                models.add(rows.getString(1));
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM response WHERE model = ?")) {
            for (int code = 0; code < models.size(); code++) {
                query.setString(1, models.get(code));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int row = rowOf(ids, rows.getLong(1));
                        if (row >= 0) {
                            model[row] = code;
                        }
                    }
                }
            }
        }
        Map<Long, Integer> promptCategory = new HashMap<>();
        Map<Long, SafetyLabel> promptSafety = new HashMap<>();
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, SafetyLabel> safetyLabels = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, safety, category FROM prompt");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String label = rows.getString(2);
                promptSafety.put(rows.getLong(1), label == null ? SafetyLabel.UNKNOWN : safetyLabels.computeIfAbsent(
                        label, text -> text.equals("unknown") ? SafetyLabel.UNKNOWN : SafetyLabel.parse(text)));
                String name = rows.getString(3);
                if (name != null) {
                    promptCategory.put(rows.getLong(1), categories.computeIfAbsent(name, c -> categories.size()));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT id, prompt_id FROM response");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                int row = rowOf(ids, rows.getLong(1));
                if (row >= 0) {
                    long prompt = rows.getLong(2);
                    safety[row] = promptSafety.getOrDefault(prompt, SafetyLabel.UNKNOWN);
                    category[row] = promptCategory.getOrDefault(prompt, NONE);
                }
            }
        }
        return new ResponseColumns(ids, model, List.copyOf(models), safety, category, List.copyOf(categories.keySet()));
    }

    /**
     * Counts one option's votes by the labels with ids from {@code first} to {@code last} into
     * {@code votes[row * width + position]}: one range of the index on group, option and label, so the rows carry
     * only response ids and scans of different label ranges can run side by side (which is why the counts are
     * atomic: one response's labels may fall in two ranges). An option id the taxonomy no longer has is no vote.
     */
    static void addVotes(Connection connection, long[] ids, String group, String option, int position, int width,
                         long first, long last, AtomicIntegerArray votes) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT l.response_id FROM label_selection s"
                + " JOIN label l ON l.id = s.label_id WHERE s.group_id = ? AND s.option_id = ? AND s.label_id"
                + " BETWEEN ? AND ?")) {
            query.setString(1, group);
            query.setString(2, option);
            query.setLong(3, first);
            query.setLong(4, last);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int row = rowOf(ids, rows.getLong(1));
                    if (row >= 0) {
                        votes.incrementAndGet(row * width + position);
                    }
                }
            }
        }
    }

    /**
     * Votes for option ids the taxonomy no longer has still count in a consensus (as they do in every other
     * report): a response whose annotators chose such an option most has no final option, and a tie with one is a
     * tie. The last slot of each response, {@code votes[row * width + width - 1]}, gets the most votes any one of
     * them has. They are rare, so this reads their ids.
     */
    static void addWithdrawnVotes(Connection connection, long[] ids, String group, List<String> options,
                                  AtomicIntegerArray votes) throws SQLException {
        int width = options.size() + 1;
        Map<Integer, Map<String, Integer>> withdrawn = new HashMap<>();
        // The gaps between the known ids, in SQLite's byte order, as ranges of the index on group and option: a
        // NOT IN would step through every vote of the group to find the few that are left.
        List<String> sorted = options.stream().sorted((a, b) -> Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))).toList();
        StringBuilder gaps = new StringBuilder();
        for (int i = 0; i <= sorted.size(); i++) {
            gaps.append(i == 0 ? "" : " OR ").append(i == 0 ? "s.option_id < ?" : i == sorted.size()
                    ? "s.option_id > ?" : "(s.option_id > ? AND s.option_id < ?)");
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT l.response_id, s.option_id"
                + " FROM label_selection s JOIN label l ON l.id = s.label_id WHERE s.group_id = ?"
                + (sorted.isEmpty() ? "" : " AND (" + gaps + ")"))) {
            int at = 1;
            query.setString(at++, group);
            for (int i = 0; i <= sorted.size() && !sorted.isEmpty(); i++) {
                if (i > 0) {
                    query.setString(at++, sorted.get(i - 1));
                }
                if (i < sorted.size()) {
                    query.setString(at++, sorted.get(i));
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int row = rowOf(ids, rows.getLong(1));
                    if (row >= 0) {
                        withdrawn.computeIfAbsent(row, r -> new HashMap<>()).merge(rows.getString(2), 1,
                                Integer::sum);
                    }
                }
            }
        }
        withdrawn.forEach((row, counts) -> votes.set(row * width + width - 1, counts.values().stream()
                .mapToInt(Integer::intValue).max().orElse(0)));
    }

    private static int[] toArray(AtomicIntegerArray counts) {
        int[] array = new int[counts.length()];
        for (int i = 0; i < array.length; i++) {
            array[i] = counts.get(i);
        }
        return array;
    }

    /**
     * Each judge's option per response: {@link #NONE} where it gave no verdict, {@link #NOT_ONE} where its verdict
     * is unparsed, or not exactly one known option of the group. One scan of the judges' selections in the group
     * gives the options; a judge whose verdicts all have one (the usual case: counted on the index on judge) needs
     * nothing more, otherwise one scan of its verdicts finds those without, which are few, so their rows cost
     * little to fetch.
     */
    static Map<Long, int[]> judgeOptions(Connection connection, long[] ids, Collection<Long> judgeIds,
                                         String group, List<String> options) throws SQLException {
        Map<Long, int[]> chosen = new HashMap<>();
        Map<Long, long[]> withOptions = new HashMap<>();
        judgeIds.forEach(id -> {
            int[] column = new int[ids.length];
            Arrays.fill(column, NONE);
            chosen.put(id, column);
            withOptions.put(id, new long[1]);
        });
        try (PreparedStatement query = connection.prepareStatement("SELECT l.judge_id, l.response_id, "
                + code(options, "s") + " FROM judge_selection s JOIN judge_label l ON l.id = s.judge_label_id"
                + " WHERE s.group_id = ?")) {
            int at = bind(query, options);
            query.setString(at, group);
            try (ResultSet rows = query.executeQuery()) {
                int[] column = null;
                long[] counted = null;
                long columnOf = Long.MIN_VALUE;
                while (rows.next()) {
                    long judge = rows.getLong(1);
                    if (judge != columnOf) {
                        column = chosen.get(judge);
                        counted = withOptions.get(judge);
                        columnOf = judge;
                    }
                    int row = rowOf(ids, rows.getLong(2));
                    if (column == null || row < 0) {
                        continue;
                    }
                    int option = rows.getInt(3);
                    counted[0] += column[row] == NONE ? 1 : 0;
                    column[row] = column[row] == NONE && option >= 0 ? option : NOT_ONE;
                }
            }
        }
        for (long judge : judgeIds) {
            if (verdictCount(connection, judge) != withOptions.get(judge)[0]) {
                markWithoutOption(connection, ids, judge, group, chosen.get(judge));
            }
        }
        return chosen;
    }

    private static long verdictCount(Connection connection, long judge) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM judge_label"
                + " WHERE judge_id = ?")) {
            query.setLong(1, judge);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** The judge's verdicts with no option in the group (unparsed ones have none at all) become NOT_ONE. */
    private static void markWithoutOption(Connection connection, long[] ids, long judge, String group, int[] column)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT l.response_id FROM judge_label l"
                + " WHERE l.judge_id = ? AND (l.parsed = 0 OR NOT EXISTS (SELECT 1 FROM judge_selection s"
                + " WHERE s.judge_label_id = l.id AND s.group_id = ?))")) {
            query.setLong(1, judge);
            query.setString(2, group);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int row = rowOf(ids, rows.getLong(1));
                    if (row >= 0) {
                        column[row] = NOT_ONE;
                    }
                }
            }
        }
    }

    /** Reads at most one option per response; a second option, or none, makes the response's value NOT_ONE. */
    private static int[] oneEach(Connection connection, long[] ids, String sql, List<String> options,
                                 String... parameters) throws SQLException {
        int[] codes = new int[ids.length];
        Arrays.fill(codes, NONE);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int at = bind(query, options);
            for (String parameter : parameters) {
                query.setString(at++, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int row = rowOf(ids, rows.getLong(1));
                    if (row < 0) {
                        continue;
                    }
                    int option = rows.getObject(2) == null ? NOT_ONE : rows.getInt(2);
                    codes[row] = codes[row] == NONE && option >= 0 ? option : NOT_ONE;
                }
            }
        }
        return codes;
    }

    private static int rowOf(long[] ids, long id) {
        return ResponseColumns.rowOf(ids, id);
    }

    /**
     * The option's position in the taxonomy, computed by SQLite so the rows carry a small integer instead of a
     * string: -1 for an option id the taxonomy no longer has, NULL where the row has no option.
     */
    private static String code(List<String> options, String alias) {
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(alias).append(".option_id IS NULL THEN NULL");
        for (int i = 0; i < options.size(); i++) {
            sql.append(" WHEN ").append(alias).append(".option_id = ? THEN ").append(i);
        }
        return sql.append(" ELSE -1 END").toString();
    }

    private static int bind(PreparedStatement query, List<String> options) throws SQLException {
        int at = 1;
        for (String option : options) {
            query.setString(at++, option);
        }
        return at;
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
