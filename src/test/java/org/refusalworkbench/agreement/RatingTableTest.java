package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatingTableTest {

    @Test
    void duplicateUnitAndRaterIsRejectedNamingTheLaterRating() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL)
                .add("u1", "alice", "x").add("u1", "bob", "y").add("u2", "alice", "x").add("u1", "alice", "y");
        assertThatThrownBy(builder::build).isInstanceOf(InvalidRatingException.class)
                .hasMessageContaining("'u1'").hasMessageContaining("'alice'")
                .satisfies(e -> assertThat(((InvalidRatingException) e).ratingIndex()).isEqualTo(3));
    }

    @Test
    void singleRaterIsRejected() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL).add("u1", "alice", "x").add("u2", "alice", "y");
        assertThatThrownBy(builder::build).isInstanceOf(InvalidRatingException.class).hasMessageContaining("at least two raters");
    }

    @Test
    void intervalValueMustBeNumericAndErrorCarriesItsIndex() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.INTERVAL).add("u1", "a", "1.5");
        assertThatThrownBy(() -> builder.add("u1", "b", "high")).isInstanceOf(InvalidRatingException.class)
                .hasMessageContaining("'high' is not a number")
                .satisfies(e -> assertThat(((InvalidRatingException) e).ratingIndex()).isEqualTo(1));
    }

    @Test
    void javaNumberSuffixesAndNanAreNotNumbers() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.INTERVAL);
        assertThatThrownBy(() -> builder.add("u1", "a", "1d")).isInstanceOf(InvalidRatingException.class);
        assertThatThrownBy(() -> builder.add("u1", "a", "NaN")).isInstanceOf(InvalidRatingException.class);
    }

    @Test
    void ratioValuesMustNotBeNegative() {
        assertThatThrownBy(() -> RatingTable.builder(MeasurementLevel.RATIO).add("u1", "a", "-1"))
                .isInstanceOf(InvalidRatingException.class).hasMessageContaining("negative");
    }

    @Test
    void valuesOutsideExplicitCategoriesAreRejected() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL).categories(List.of("comply", "refuse"));
        assertThatThrownBy(() -> builder.add("u1", "a", "partial")).isInstanceOf(InvalidRatingException.class)
                .hasMessageContaining("not one of the categories");
    }

    @Test
    void observedNumericCategoriesAreSortedNumerically() {
        RatingTable table = RatingTable.builder(MeasurementLevel.NOMINAL)
                .add("u1", "a", "10").add("u1", "b", "9").add("u2", "a", "2").build();
        assertThat(table.categories()).containsExactly("2", "9", "10");
    }

    @Test
    void ordinalNamesTakeTheirOrderFromTheCategoryList() {
        RatingTable table = RatingTable.builder(MeasurementLevel.ORDINAL).categories(List.of("low", "mid", "high"))
                .add("u1", "a", "high").add("u1", "b", "low").build();
        assertThat(table.categories()).containsExactly("low", "mid", "high");
        assertThat(table.categoryValue(2)).isEqualTo(3.0);
        assertThat(table.categoryOf(0, table.raterIndex("a"))).isEqualTo(2);
    }

    @Test
    void numericallyEqualValuesShareACategory() {
        RatingTable table = RatingTable.builder(MeasurementLevel.INTERVAL).add("u1", "a", "1").add("u1", "b", "1.0").build();
        assertThat(table.categoryCount()).isEqualTo(1);
    }

    @Test
    void setsAreCanonicalRegardlessOfOrderAndOptionsCanBeExplicit() {
        RatingTable table = RatingTable.builder(MeasurementLevel.SET).categories(List.of("violence", "self-harm", "fraud"))
                .addSet("u1", "a", List.of("fraud", "violence")).addSet("u1", "b", List.of("violence", "fraud")).build();
        assertThat(table.categoryCount()).isEqualTo(1);
        assertThat(table.categories()).containsExactly("violence|fraud");
        assertThat(table.options()).containsExactly("violence", "self-harm", "fraud");
    }

    @Test
    void missingRatingsAreAbsentCells() {
        RatingTable table = RatingTable.builder(MeasurementLevel.NOMINAL)
                .add("u1", "a", "x").add("u2", "b", "y").add("u2", "a", "y").build();
        assertThat(table.categoryOf(0, table.raterIndex("b"))).isEqualTo(-1);
        assertThat(table.ratingsOfUnit(1)).isEqualTo(2);
    }

    @Test
    void ratingsGroupedByUnitGiveTheSameTableAsTheSameRatingsInAnyOrder() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        List<String[]> ratings = new java.util.ArrayList<>();
        for (int unit = 0; unit < 200; unit++) {
            for (String rater : List.of("a", "b", "c", "d")) {
                if (random.nextInt(4) > 0) {
                    ratings.add(new String[] {"u" + unit, rater, "k" + random.nextInt(3)});
                }
            }
        }
        List<String[]> shuffled = new java.util.ArrayList<>(ratings);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));

        RatingTable grouped = table(ratings);
        RatingTable scattered = table(shuffled);

        assertThat(grouped.unitCount()).isEqualTo(scattered.unitCount());
        for (int u = 0; u < grouped.unitCount(); u++) {
            int other = indexOfUnit(scattered, grouped.unitKey(u));
            assertThat(grouped.ratingsOfUnit(u)).isEqualTo(scattered.ratingsOfUnit(other));
            for (String rater : List.of("a", "b", "c", "d")) {
                int mine = grouped.categoryOf(u, grouped.raterIndex(rater));
                int theirs = scattered.categoryOf(other, scattered.raterIndex(rater));
                assertThat(mine < 0 ? null : grouped.categories().get(mine))
                        .isEqualTo(theirs < 0 ? null : scattered.categories().get(theirs));
            }
        }
    }

    @Test
    void aSizeHintChangesNothingButRoom() {
        RatingTable table = RatingTable.builder(MeasurementLevel.NOMINAL).expectRatings(10_000)
                .add("u1", "a", "x").add("u1", "b", "x").add("u2", "a", "y").expectRatings(1).build();
        assertThat(table.ratingCount()).isEqualTo(3);
        assertThat(table.categoryOf(1, table.raterIndex("a"))).isEqualTo(table.categories().indexOf("y"));
    }

    private static RatingTable table(List<String[]> ratings) {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL);
        ratings.forEach(r -> builder.add(r[0], r[1], r[2]));
        return builder.build();
    }

    private static int indexOfUnit(RatingTable table, String key) {
        for (int u = 0; u < table.unitCount(); u++) {
            if (table.unitKey(u).equals(key)) {
                return u;
            }
        }
        throw new AssertionError("no unit " + key);
    }
}
