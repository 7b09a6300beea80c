package org.refusalworkbench.cli;

import java.util.List;

import org.refusalworkbench.agreement.InvalidRatingException;
import org.refusalworkbench.agreement.MeasurementLevel;
import org.refusalworkbench.agreement.RatingTable;
import org.refusalworkbench.importing.RatingsCsvReader;

/** Builds the agreement engine's rating table from a ratings file; a rating the table refuses names its line. */
final class RatingTableInput implements RatingsCsvReader.Ratings<RatingTable> {

    private final RatingTable.Builder builder;
    private final MeasurementLevel level;

    /** @param categories the categories in order, or null or empty to take them from the ratings */
    RatingTableInput(MeasurementLevel level, List<String> categories) {
        this.level = level;
        this.builder = RatingTable.builder(level);
        if (categories != null && !categories.isEmpty()) {
            builder.categories(categories);
        }
    }

    @Override
    public boolean setValued() {
        return level == MeasurementLevel.SET;
    }

    @Override
    public void expect(int ratings) {
        builder.expectRatings(ratings);
    }

    @Override
    public int size() {
        return builder.size();
    }

    @Override
    public void add(String unit, String rater, String value) throws RatingsCsvReader.RejectedRatingException {
        try {
            builder.add(unit, rater, value);
        } catch (InvalidRatingException e) {
            throw rejected(e);
        }
    }

    @Override
    public void addSet(String unit, String rater, List<String> values) throws RatingsCsvReader.RejectedRatingException {
        try {
            builder.addSet(unit, rater, values);
        } catch (InvalidRatingException e) {
            throw rejected(e);
        }
    }

    @Override
    public RatingTable finish() throws RatingsCsvReader.RejectedRatingException {
        try {
            return builder.build();
        } catch (InvalidRatingException e) {
            throw rejected(e);
        }
    }

    private static RatingsCsvReader.RejectedRatingException rejected(InvalidRatingException e) {
        return new RatingsCsvReader.RejectedRatingException(e.getMessage(), e.ratingIndex(), e.earlierRatingIndex(), e);
    }
}
