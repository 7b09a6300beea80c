package org.refusalworkbench.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Immutable units × raters table of ratings with missing cells. Every value is stored as the index of
 * its category, so all statistics work on primitive arrays: ratings are grouped by unit
 * (compressed rows, {@link #unitStart}) and sorted by rater inside a unit.
 *
 * <p>Build one with {@link #builder(MeasurementLevel)}.
 *
 * <p>Table and builder stay in one file (about 500 lines) on purpose: the builder fills the compressed arrays the
 * table reads without copying them, which needs both to share private fields; split, the arrays would be copied or
 * exposed.
 */
public final class RatingTable {
    private final MeasurementLevel level;
    private final List<String> unitKeys;
    private final List<String> raterKeys;
    private final List<String> categories;
    private final boolean categoriesExplicit;
    private final double[] categoryValues;
    private final List<String> options;
    private final int[][] categoryOptions;

    /** Ratings of unit u are the positions {@code unitStart[u] .. unitStart[u+1]-1}. */
    final int[] unitStart;
    final int[] raterOf;
    final int[] categoryOf;

    private RatingTable(Builder b, int[] unitStart, int[] raterOf, int[] categoryOf, Categories c) {
        this.level = b.level;
        this.unitKeys = Collections.unmodifiableList(b.unitKeys);
        this.raterKeys = Collections.unmodifiableList(b.raterKeys);
        this.categories = List.copyOf(c.labels);
        this.categoriesExplicit = b.explicitCategories != null;
        this.categoryValues = c.values;
        this.options = List.copyOf(c.options);
        this.categoryOptions = c.setOptions;
        this.unitStart = unitStart;
        this.raterOf = raterOf;
        this.categoryOf = categoryOf;
    }

    public static Builder builder(MeasurementLevel level) {
        return new Builder(level);
    }

    public MeasurementLevel level() {
        return level;
    }

    public int unitCount() {
        return unitKeys.size();
    }

    public int raterCount() {
        return raterKeys.size();
    }

    public int ratingCount() {
        return raterOf.length;
    }

    public String unitKey(int unit) {
        return unitKeys.get(unit);
    }

    public String raterKey(int rater) {
        return raterKeys.get(rater);
    }

    public List<String> raterKeys() {
        return raterKeys;
    }

    /** Index of a rater, or -1. */
    public int raterIndex(String raterKey) {
        return raterKeys.indexOf(raterKey);
    }

    /**
     * Category labels in order. For nominal and ordinal data they are the explicit list if one was
     * given, else the observed values; for sets they are the distinct sets observed, written {@code a|b}.
     */
    public List<String> categories() {
        return categories;
    }

    public int categoryCount() {
        return categories.size();
    }

    /** True when the category list came from {@link Builder#categories(List)} rather than from the data. */
    public boolean categoriesExplicit() {
        return categoriesExplicit;
    }

    /** Numeric value of a category (ordinal, interval, ratio); its 1-based position when categories are names. */
    public double categoryValue(int category) {
        return categoryValues[category];
    }

    /** Checkbox options of a set-valued table, explicit or observed; empty for other levels. */
    public List<String> options() {
        return options;
    }

    /** Sorted option indices making up a set-valued category. */
    public int[] optionsOfCategory(int category) {
        return categoryOptions[category].clone();
    }

    int[] optionsOfCategoryUnsafe(int category) {
        return categoryOptions[category];
    }

    /** Number of ratings given to a unit. */
    public int ratingsOfUnit(int unit) {
        return unitStart[unit + 1] - unitStart[unit];
    }

    /** Category rater gave to unit, or -1 when the rating is missing. */
    public int categoryOf(int unit, int rater) {
        for (int i = unitStart[unit]; i < unitStart[unit + 1]; i++) {
            if (raterOf[i] == rater) {
                return categoryOf[i];
            }
        }
        return -1;
    }

    /** Collects ratings by unit key, rater key and value. Not thread-safe. */
    public static final class Builder {
        private final MeasurementLevel level;
        private final KeyIndex unitIndex = new KeyIndex();
        private final KeyIndex raterIndex = new KeyIndex();
        private final List<String> unitKeys = unitIndex.keys();
        private final List<String> raterKeys = raterIndex.keys();
        private final Map<Object, Integer> valueIndex = new HashMap<>();
        private final List<Object> values = new ArrayList<>();
        private List<String> explicitCategories;
        private Map<String, Integer> explicitByLabel;
        private Map<Double, Integer> explicitByNumber;
        private boolean inUnitRaterOrder = true;
        private String lastUnit;
        private int lastUnitIndex;
        private int[] units = new int[1024];
        private int[] raters = new int[1024];
        private int[] valueIds = new int[1024];
        private int size;

        private Builder(MeasurementLevel level) {
            this.level = Objects.requireNonNull(level, "level");
        }

        /**
         * Fixes the category list: the taxonomy's options (nominal), their order (ordinal, and interval or
         * ratio data written as names) or the checkbox options (sets). Values outside it are rejected.
         * It also fixes how many categories AC1 and Brennan–Prediger assume; see docs/agreement.md.
         */
        public Builder categories(List<String> labels) {
            if (size > 0) {
                throw new IllegalStateException("categories must be set before adding ratings");
            }
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("the category list is empty");
            }
            explicitCategories = List.copyOf(labels);
            explicitByLabel = new HashMap<>();
            explicitByNumber = new HashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get(i).trim();
                if (explicitByLabel.putIfAbsent(label, i) != null) {
                    throw new IllegalArgumentException("category '" + label + "' is listed twice");
                }
                Double number = parseNumber(label);
                if (number != null) {
                    explicitByNumber.putIfAbsent(number, i);
                }
            }
            return this;
        }

        /** Adds a single-valued rating (every level except {@link MeasurementLevel#SET}). */
        public Builder add(String unit, String rater, String value) {
            if (level == MeasurementLevel.SET) {
                throw new IllegalStateException("set-valued ratings are added with addSet");
            }
            Objects.requireNonNull(value, "value");
            append(unit, rater, scalarValueId(value.trim()));
            return this;
        }

        /** Adds a set-valued rating: the options one rater ticked for one unit (possibly none). */
        public Builder addSet(String unit, String rater, Collection<String> selected) {
            if (level != MeasurementLevel.SET) {
                throw new IllegalStateException("addSet needs level SET, not " + level.label());
            }
            TreeSet<String> canonical = new TreeSet<>();
            for (String option : selected) {
                String trimmed = option.trim();
                if (trimmed.isEmpty()) {
                    throw invalid("empty option name");
                }
                if (explicitByLabel != null && !explicitByLabel.containsKey(trimmed)) {
                    throw invalid("option '" + trimmed + "' is not one of the categories " + explicitCategories);
                }
                canonical.add(trimmed);
            }
            append(unit, rater, valueId(List.copyOf(canonical)));
            return this;
        }

        /**
         * Makes room for about this many ratings at once, when a reader can estimate them (from a file's size,
         * say), so the rating arrays are not copied over and over while they double. Only a hint: more or
         * fewer ratings may follow.
         */
        public Builder expectRatings(int expected) {
            if (expected > units.length) {
                units = Arrays.copyOf(units, expected);
                raters = Arrays.copyOf(raters, expected);
                valueIds = Arrays.copyOf(valueIds, expected);
            }
            return this;
        }

        /** Number of ratings added so far; the index the next {@code add} will report in errors. */
        public int size() {
            return size;
        }

        public RatingTable build() {
            if (raterKeys.size() < 2) {
                throw new InvalidRatingException("agreement needs at least two raters, found "
                        + raterKeys.size() + (raterKeys.isEmpty() ? "" : " (" + raterKeys.get(0) + ")"), -1);
            }
            Categories categories = level == MeasurementLevel.SET ? setCategories() : scalarCategories();
            int n = unitKeys.size();
            // Files usually list each unit's ratings together with the raters in a fixed order; such input is
            // already in the order the table keeps, so the two sorting passes are skipped.
            int[] order = inUnitRaterOrder ? null : orderByUnitThenRater(n);
            int[] unitStart = new int[n + 1];
            int[] raterOf = new int[size];
            int[] categoryOf = new int[size];
            for (int i = 0; i < size; i++) {
                unitStart[units[i] + 1]++;
            }
            for (int u = 0; u < n; u++) {
                unitStart[u + 1] += unitStart[u];
            }
            for (int pos = 0; pos < size; pos++) {
                int i = order == null ? pos : order[pos];
                int previous = order == null ? pos - 1 : pos > 0 ? order[pos - 1] : -1;
                raterOf[pos] = raters[i];
                categoryOf[pos] = categories.categoryOfValue[valueIds[i]];
                if (pos > 0 && units[previous] == units[i] && raters[previous] == raters[i]) {
                    int first = Math.min(previous, i);
                    int second = Math.max(previous, i);
                    throw new InvalidRatingException("unit '" + unitKeys.get(units[i]) + "' is rated twice by '"
                            + raterKeys.get(raters[i]) + "'", second, first);
                }
            }
            return new RatingTable(this, unitStart, raterOf, categoryOf, categories);
        }

        private void append(String unit, String rater, int valueId) {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(rater, "rater");
            if (unit.isEmpty()) {
                throw invalid("empty unit key");
            }
            if (rater.isEmpty()) {
                throw invalid("empty rater key");
            }
            if (size == units.length) {
                int capacity = size * 2;
                units = Arrays.copyOf(units, capacity);
                raters = Arrays.copyOf(raters, capacity);
                valueIds = Arrays.copyOf(valueIds, capacity);
            }
            // A file lists a unit's ratings together, and readers hand over one String per repeated key, so
            // the same instance as the last rating's unit skips the lookup for all but the first.
            if (unit != lastUnit) {
                lastUnit = unit;
                lastUnitIndex = unitIndex.indexOf(unit);
            }
            units[size] = lastUnitIndex;
            raters[size] = raterIndex.indexOf(rater);
            if (size > 0 && inUnitRaterOrder) {
                int unitStep = units[size] - units[size - 1];
                inUnitRaterOrder = unitStep > 0 || unitStep == 0 && raters[size] > raters[size - 1];
            }
            valueIds[size] = valueId;
            size++;
        }

        private int scalarValueId(String text) {
            if (text.isEmpty()) {
                throw invalid("empty value");
            }
            if (explicitCategories != null) {
                Integer category = explicitByLabel.get(text);
                if (category == null && level.isNumeric()) {
                    Double number = parseNumber(text);
                    category = number == null ? null : explicitByNumber.get(number);
                }
                if (category == null) {
                    throw invalid("value '" + text + "' is not one of the categories " + explicitCategories);
                }
                return valueId(category);
            }
            if (!level.isNumeric()) {
                return valueId(text);
            }
            Double number = parseNumber(text);
            if (number == null) {
                throw invalid("value '" + text + "' is not a number (level " + level.label()
                        + "; names need an ordered category list)");
            }
            if (level == MeasurementLevel.RATIO && number < 0) {
                throw invalid("value '" + text + "' is negative, which a ratio scale does not allow");
            }
            return valueId(number);
        }

        private int valueId(Object value) {
            Integer known = valueIndex.get(value);
            if (known != null) {
                return known;
            }
            valueIndex.put(value, values.size());
            values.add(value);
            return values.size() - 1;
        }

        private InvalidRatingException invalid(String message) {
            return new InvalidRatingException(message, size);
        }

        /** Two stable counting sorts: by rater, then by unit, so each unit's ratings end up ordered by rater. */
        private int[] orderByUnitThenRater(int unitCount) {
            int[] byRater = countingSort(identity(size), raters, raterKeys.size());
            return countingSort(byRater, units, unitCount);
        }

        private static int[] identity(int size) {
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            return order;
        }

        private int[] countingSort(int[] input, int[] key, int keyCount) {
            int[] start = new int[keyCount + 1];
            for (int i = 0; i < size; i++) {
                start[key[i] + 1]++;
            }
            for (int k = 0; k < keyCount; k++) {
                start[k + 1] += start[k];
            }
            int[] output = new int[size];
            for (int i : input) {
                output[start[key[i]]++] = i;
            }
            return output;
        }

        private Categories scalarCategories() {
            List<String> labels;
            double[] numeric;
            int[] categoryOfValue = new int[values.size()];
            if (explicitCategories != null) {
                labels = explicitCategories;
                numeric = explicitValues(labels);
                for (int v = 0; v < values.size(); v++) {
                    categoryOfValue[v] = (Integer) values.get(v);
                }
            } else {
                Integer[] sorted = sortedValueIds();
                labels = new ArrayList<>();
                numeric = new double[sorted.length];
                for (int c = 0; c < sorted.length; c++) {
                    Object value = values.get(sorted[c]);
                    categoryOfValue[sorted[c]] = c;
                    labels.add(value instanceof Double ? formatNumber((Double) value) : (String) value);
                    Double number = value instanceof Double ? (Double) value : parseNumber((String) value);
                    numeric[c] = number == null ? c + 1 : number;
                }
            }
            return new Categories(labels, numeric, List.of(), new int[0][], categoryOfValue);
        }

        /** Observed values in natural order: numerically when every value is a number, else as text. */
        private Integer[] sortedValueIds() {
            Integer[] ids = new Integer[values.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
            }
            boolean allNumeric = values.stream().allMatch(v -> v instanceof Double || parseNumber((String) v) != null);
            Comparator<Integer> order = allNumeric
                    ? Comparator.comparingDouble(id -> asNumber(values.get(id)))
                    : Comparator.comparing(id -> (String) values.get(id));
            Arrays.sort(ids, order);
            return ids;
        }

        private static double asNumber(Object value) {
            return value instanceof Double ? (Double) value : parseNumber((String) value);
        }

        /** Numbers when every label is a number; otherwise 1-based positions, so names keep their listed order. */
        private static double[] explicitValues(List<String> labels) {
            double[] numeric = new double[labels.size()];
            boolean allNumeric = labels.stream().allMatch(l -> parseNumber(l.trim()) != null);
            for (int i = 0; i < numeric.length; i++) {
                numeric[i] = allNumeric ? parseNumber(labels.get(i).trim()) : i + 1;
            }
            return numeric;
        }

        @SuppressWarnings("unchecked")
        private Categories setCategories() {
            List<String> optionLabels;
            if (explicitCategories != null) {
                optionLabels = explicitCategories;
            } else {
                TreeSet<String> observed = new TreeSet<>();
                for (Object value : values) {
                    observed.addAll((List<String>) value);
                }
                optionLabels = new ArrayList<>(observed);
            }
            Map<String, Integer> optionIndex = new HashMap<>();
            for (int i = 0; i < optionLabels.size(); i++) {
                optionIndex.put(optionLabels.get(i).trim(), i);
            }
            int[][] members = new int[values.size()][];
            for (int v = 0; v < values.size(); v++) {
                List<String> set = (List<String>) values.get(v);
                members[v] = set.stream().mapToInt(optionIndex::get).sorted().toArray();
            }
            Integer[] sorted = new Integer[values.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = i;
            }
            Arrays.sort(sorted, Comparator.<Integer>comparingInt(v -> members[v].length).thenComparing(v -> members[v], Arrays::compare));
            int[] categoryOfValue = new int[values.size()];
            int[][] setOptions = new int[values.size()][];
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < sorted.length; c++) {
                categoryOfValue[sorted[c]] = c;
                setOptions[c] = members[sorted[c]];
                StringBuilder label = new StringBuilder();
                for (int option : setOptions[c]) {
                    label.append(label.length() == 0 ? "" : "|").append(optionLabels.get(option));
                }
                labels.add(label.toString());
            }
            double[] positions = new double[labels.size()];
            for (int c = 0; c < positions.length; c++) {
                positions[c] = c + 1;
            }
            return new Categories(labels, positions, optionLabels, setOptions, categoryOfValue);
        }
    }

    private static final class Categories {
        final List<String> labels;
        final double[] values;
        final List<String> options;
        final int[][] setOptions;
        final int[] categoryOfValue;

        Categories(List<String> labels, double[] values, List<String> options, int[][] setOptions, int[] categoryOfValue) {
            this.labels = labels;
            this.values = values;
            this.options = options;
            this.setOptions = setOptions;
            this.categoryOfValue = categoryOfValue;
        }
    }

    static Double parseNumber(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.'
                || !(last >= '0' && last <= '9') && last != '.') {
            return null; // rejects "NaN", "Infinity", hex floats and Java's "1d"/"1f" suffixes
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String formatNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
