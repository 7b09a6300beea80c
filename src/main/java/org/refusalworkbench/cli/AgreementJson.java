package org.refusalworkbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.MetricResult;

/** The {@code --json} output: one object; doubles are written with full precision (shortest round-trip form). */
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
            ObjectNode metric = metrics.putObject(result.key());
            putNullable(metric, "value", result.value());
            putNullable(metric, "se", result.standardError());
            if (result.ci95() == null) {
                metric.putNull("ci95");
            } else {
                metric.putArray("ci95").add(result.ci95().lower()).add(result.ci95().upper());
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

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
