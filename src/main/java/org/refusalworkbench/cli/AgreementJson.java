package org.refusalworkbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.CategoryAgreement;
import org.refusalworkbench.agreement.ConfidenceInterval;
import org.refusalworkbench.agreement.MetricResult;
import org.refusalworkbench.agreement.PairwiseKappa;

/**
 * The {@code --json} output: one object; doubles are written with full precision (shortest round-trip form).
 * Every coefficient, headline, per category or per pair, is {@code {"value", "se", "ci95"}}.
 */
final class AgreementJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AgreementJson() {
    }

    static String render(AgreementReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("units", report.table().unitCount());
        root.put("raters", report.table().raterCount());
        root.put("level", report.table().level().label());
        ObjectNode metrics = root.putObject("metrics");
        for (MetricResult result : report.metrics()) {
            putCoefficient(metrics, result.key(), result.value(), result.standardError(), result.ci95());
        }
        ObjectNode perCategory = root.putObject("per_category");
        for (CategoryAgreement category : report.perCategory()) {
            ObjectNode entry = perCategory.putObject(category.label());
            entry.put("prevalence", category.prevalence());
            putNullable(entry, "agreement", category.agreement());
            putCoefficient(entry, "kappa", category.kappa(), category.standardError(), category.ci95());
        }
        ArrayNode pairs = root.putArray("pairwise");
        PairwiseKappa pairwise = report.pairwiseCohenKappa();
        for (int i = 0; i < pairwise.raters().size(); i++) {
            for (int j = i + 1; j < pairwise.raters().size(); j++) {
                ObjectNode pair = pairs.addObject();
                pair.putArray("raters").add(pairwise.raters().get(i)).add(pairwise.raters().get(j));
                pair.put("shared_units", pairwise.sharedUnits(i, j));
                putCoefficient(pair, "cohen_kappa", pairwise.kappa(i, j), pairwise.standardError(i, j),
                        pairwise.ci95(i, j));
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static void putCoefficient(ObjectNode parent, String field, Double value, Double standardError,
                                       ConfidenceInterval ci95) {
        ObjectNode coefficient = parent.putObject(field);
        putNullable(coefficient, "value", value);
        putNullable(coefficient, "se", standardError);
        if (ci95 == null) {
            coefficient.putNull("ci95");
        } else {
            coefficient.putArray("ci95").add(ci95.lower()).add(ci95.upper());
        }
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
