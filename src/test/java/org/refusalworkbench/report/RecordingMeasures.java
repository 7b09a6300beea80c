package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for the agreement engine: records every rating set it is given and answers with percent agreement
 * (the share of agreeing rating pairs within units), which is simple enough to check by hand.
 */
public final class RecordingMeasures implements AgreementMeasures {

    public final List<RatingSet> measured = new ArrayList<>();

    @Override
    public Measured measure(RatingSet ratings, boolean withIntervals) {
        measured.add(ratings);
        Map<String, List<Set<String>>> byUnit = new HashMap<>();
        ratings.ratings().forEach(r -> byUnit.computeIfAbsent(r.unit(), u -> new ArrayList<>()).add(r.values()));
        double agreeing = 0;
        double pairs = 0;
        int units = 0;
        for (List<Set<String>> values : byUnit.values()) {
            if (values.size() < 2) {
                continue;
            }
            units++;
            for (int a = 0; a < values.size(); a++) {
                for (int b = a + 1; b < values.size(); b++) {
                    pairs++;
                    agreeing += values.get(a).equals(values.get(b)) ? 1 : 0;
                }
            }
        }
        Double percent = pairs == 0 ? null : agreeing / pairs;
        return new Measured(List.of(new Coefficient(HeadlineMetric.PERCENT.keyFor(ratings.level()), percent, null, null, null),
                new Coefficient(HeadlineMetric.ALPHA.keyFor(ratings.level()), percent, null, null, null)), units, List.of());
    }

    @Override
    public PairwiseKappa pairwise(RatingSet ratings) {
        return new PairwiseKappa(List.of(), new Coefficient[0][0], new long[0][0]);
    }
}
