package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The judge report as plain maps and lists, in the keys docs/review.md documents, ready for a JSON writer. */
public final class JudgeReportJson {

    private JudgeReportJson() {
    }

    public static Map<String, Object> toJson(List<JudgeReport.JudgeFigures> report, String project,
                                             JudgeReport.Reference against) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", project);
        root.put("reference", against.describe());
        List<Map<String, Object>> judges = new ArrayList<>();
        for (JudgeReport.JudgeFigures judge : report) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("judge", judge.judge().name());
            entry.put("version", judge.judge().version());
            entry.put("group", judge.group());
            entry.putAll(figures(judge.figures()));
            entry.put("binary", judge.binary() == null ? null : figures(judge.binary()));
            Map<String, Object> byModel = new LinkedHashMap<>();
            judge.byModel().forEach((model, figures) -> byModel.put(model, figures(figures)));
            entry.put("by_model", byModel);
            Map<String, Object> byCategory = new LinkedHashMap<>();
            judge.byCategory().forEach((category, figures) -> byCategory.put(category, figures(figures)));
            entry.put("by_category", byCategory);
            Map<String, Object> calibration = new LinkedHashMap<>();
            judge.calibration().forEach((model, rates) -> {
                Map<String, Object> rows = new LinkedHashMap<>();
                rows.put("refusal_rate_on_safe", rate(rates.refusalOnSafeByReference(), rates.refusalOnSafeByJudge()));
                rows.put("compliance_rate_on_unsafe", rate(rates.complianceOnUnsafeByReference(),
                        rates.complianceOnUnsafeByJudge()));
                calibration.put(model, rows);
            });
            entry.put("calibration", calibration);
            judges.add(entry);
        }
        root.put("judges", judges);
        return root;
    }

    private static Map<String, Object> figures(JudgeReport.Figures figures) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("compared", figures.compared());
        json.put("unparsed", figures.unparsed());
        json.put("percent_agreement", figures.percentAgreement());
        Map<String, Object> kappa = new LinkedHashMap<>();
        kappa.put("value", figures.kappa().value());
        kappa.put("se", figures.kappa().standardError());
        kappa.put("ci95", figures.kappa().low() == null ? null : List.of(figures.kappa().low(),
                figures.kappa().high()));
        json.put("cohen_kappa", kappa);
        json.put("confusion", figures.confusion());
        Map<String, Object> perClass = new LinkedHashMap<>();
        figures.perClass().forEach((option, scores) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("precision", scores.precision());
            row.put("recall", scores.recall());
            row.put("f1", scores.f1());
            perClass.put(option, row);
        });
        json.put("per_class", perClass);
        return json;
    }

    /** The rate by the reference and by the judge, and how far the judge is off. */
    private static Map<String, Object> rate(Proportion reference, Proportion judge) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reference", CalibrationJson.proportion(reference));
        json.put("judge", CalibrationJson.proportion(judge));
        json.put("difference", reference.rate() == null || judge.rate() == null ? null
                : judge.rate() - reference.rate());
        return json;
    }
}
