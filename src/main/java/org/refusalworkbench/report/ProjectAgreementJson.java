package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.refusalworkbench.agreement.ReportOptions;

/** The project agreement report as plain maps and lists, ready for a JSON writer. */
public final class ProjectAgreementJson {

    private ProjectAgreementJson() {
    }

    /** @param computedWith the resamples and seed the report was computed with, named in its "intervals" field */
    public static Map<String, Object> toJson(ProjectAgreement report, String project, ReportOptions computedWith) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", project);
        root.put("units", "responses; raters are annotators (gold labels are not a rater except in"
                + " adjudication.alpha_after)");
        root.put("intervals", computedWith.bootstrapResamples() == 0 ? "none (no bootstrap resamples)"
                : String.format(Locale.ROOT, "bootstrap percentile 95%% over units, %d resamples, seed %d",
                        computedWith.bootstrapResamples(), computedWith.seed()));
        root.put("annotators", report.annotators());
        root.put("adjudicated_responses", report.adjudicatedResponses());
        Map<String, Object> groups = new LinkedHashMap<>();
        for (ProjectAgreement.Row row : report.rows()) {
            if (row.isGroup()) {
                Map<String, Object> group = measured(row.measured());
                group.put("options", new LinkedHashMap<String, Object>());
                groups.put(row.group(), group);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> options = (Map<String, Object>) ((Map<String, Object>) groups.get(row.group()))
                        .get("options");
                options.put(row.option(), measured(row.measured()));
            }
        }
        root.put("groups", groups);
        Map<String, Object> pairwise = new LinkedHashMap<>();
        report.pairwise().forEach((group, matrix) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("raters", matrix.raters());
            List<List<Double>> kappa = new ArrayList<>();
            List<List<Long>> shared = new ArrayList<>();
            List<Map<String, Object>> pairs = new ArrayList<>();
            for (int i = 0; i < matrix.raters().size(); i++) {
                List<Double> row = new ArrayList<>();
                List<Long> units = new ArrayList<>();
                for (int j = 0; j < matrix.raters().size(); j++) {
                    row.add(matrix.kappa()[i][j].value());
                    units.add(matrix.sharedUnits()[i][j]);
                    if (j > i) {
                        pairs.add(pair(matrix, i, j));
                    }
                }
                kappa.add(row);
                shared.add(units);
            }
            entry.put("cohen_kappa", kappa);
            entry.put("shared_units", shared);
            entry.put("pairs", pairs);
            pairwise.put(group, entry);
        });
        root.put("pairwise", pairwise);
        List<Map<String, Object>> gold = new ArrayList<>();
        for (ProjectAgreement.GoldAgreement agreement : report.goldAgreement()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("annotator", agreement.annotator());
            entry.put("group", agreement.group());
            entry.put("option", agreement.option());
            entry.put("cohen_kappa", agreement.kappa());
            entry.put(HeadlineMetric.PERCENT.keyFor(AgreementMeasures.Level.NOMINAL), agreement.percent());
            entry.put("units", agreement.units());
            gold.add(entry);
        }
        root.put("annotator_vs_gold", gold);
        Map<String, Object> adjudication = new LinkedHashMap<>();
        for (ProjectAgreement.AdjudicationEffect effect : report.adjudication()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("alpha_before", effect.alphaBefore());
            entry.put("alpha_after", effect.alphaAfter());
            entry.put("disputed", effect.disputed());
            entry.put("disputed_adjudicated", effect.disputedAdjudicated());
            entry.put("share_resolved", effect.shareResolved());
            adjudication.put(effect.group(), entry);
        }
        root.put("adjudication", adjudication);
        return root;
    }

    private static Map<String, Object> measured(AgreementMeasures.Measured measured) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("units", measured.units());
        for (AgreementMeasures.Coefficient coefficient : measured.coefficients()) {
            json.put(coefficient.key(), coefficient(coefficient));
        }
        json.put("warnings", measured.warnings());
        return json;
    }

    /** One rater pair: its raters, shared units and kappa with standard error and interval. */
    private static Map<String, Object> pair(AgreementMeasures.PairwiseKappa matrix, int i, int j) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("raters", List.of(matrix.raters().get(i), matrix.raters().get(j)));
        pair.put("shared_units", matrix.sharedUnits()[i][j]);
        AgreementMeasures.Coefficient kappa = matrix.kappa()[i][j];
        pair.put(kappa.key(), coefficient(kappa));
        return pair;
    }

    /** {"value", "se", "ci95": [low, high] or null}, the shape of every coefficient in the report. */
    private static Map<String, Object> coefficient(AgreementMeasures.Coefficient coefficient) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("value", coefficient.value());
        value.put("se", coefficient.standardError());
        value.put("ci95", coefficient.low() == null ? null : List.of(coefficient.low(), coefficient.high()));
        return value;
    }
}
