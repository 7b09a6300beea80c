package org.refusalworkbench.agreement;

import java.util.Arrays;
import java.util.List;

/**
 * How many of each unit's ratings fall in each category, or tick each option for sets: the binary
 * variables of per-category agreement. Compressed rows of the non-zero counts only, so a unit costs its
 * ratings rather than the number of categories; built once in time linear in the ratings.
 */
final class CategoryCounts {
    final List<String> labels;
    final int units;
    /** Unit u's counts are entries {@code start[u] .. start[u+1]-1}. */
    final int[] start;
    final int[] variable;
    final int[] count;
    /** m_u: number of ratings of the unit. */
    final int[] size;

    private CategoryCounts(List<String> labels, int[] start, int[] variable, int[] count, int[] size) {
        this.labels = labels;
        this.units = size.length;
        this.start = start;
        this.variable = variable;
        this.count = count;
        this.size = size;
    }

    /** Categories reuse the unit statistics' counts as they are; sets count each option over the sets that hold it. */
    static CategoryCounts of(UnitStatistics statistics) {
        RatingTable table = statistics.table;
        if (table.level() != MeasurementLevel.SET) {
            return new CategoryCounts(table.categories(), statistics.countStart, statistics.countCategory,
                    statistics.countValue, statistics.size);
        }
        int options = table.options().size();
        int capacity = 0;
        for (int e = 0; e < statistics.countStart[statistics.units]; e++) {
            capacity += table.optionsOfCategoryUnsafe(statistics.countCategory[e]).length;
        }
        int[] start = new int[statistics.units + 1];
        int[] variable = new int[capacity];
        int[] count = new int[capacity];
        int[] scratch = new int[options];
        int entries = 0;
        for (int u = 0; u < statistics.units; u++) {
            int first = entries;
            for (int e = statistics.countStart[u]; e < statistics.countStart[u + 1]; e++) {
                for (int option : table.optionsOfCategoryUnsafe(statistics.countCategory[e])) {
                    if (scratch[option] == 0) {
                        variable[entries++] = option;
                    }
                    scratch[option] += statistics.countValue[e];
                }
            }
            for (int e = first; e < entries; e++) {
                count[e] = scratch[variable[e]];
                scratch[variable[e]] = 0;
            }
            start[u + 1] = entries;
        }
        return new CategoryCounts(table.options(), start, Arrays.copyOf(variable, entries), Arrays.copyOf(count, entries),
                statistics.size);
    }

    int variables() {
        return labels.size();
    }
}
