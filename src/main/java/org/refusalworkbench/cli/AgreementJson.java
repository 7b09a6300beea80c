package org.refusalworkbench.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.CategoryAgreement;
import org.refusalworkbench.agreement.ConfidenceInterval;
import org.refusalworkbench.agreement.MetricResult;
import org.refusalworkbench.agreement.PairwiseKappa;

/**
 * The {@code --json} output: one object; doubles are written with full precision (shortest round-trip form).
 * Every coefficient, headline, per category or per pair, is {@code {"value", "se", "ci95"}}. Written with
 * Jackson's streaming generator: setting up a databind mapper costs a cold command-line run about 0.3 s, more
 * than the whole computation on a large file.
 */
final class AgreementJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private AgreementJson() {
    }

    static String render(AgreementReport report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("units", report.table().unitCount());
            json.writeNumberField("raters", report.table().raterCount());
            json.writeStringField("level", report.table().level().label());
            json.writeObjectFieldStart("metrics");
            for (MetricResult result : report.metrics()) {
                writeCoefficient(json, result.key(), result.value(), result.standardError(), result.ci95());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("per_category");
            for (CategoryAgreement category : report.perCategory()) {
                json.writeObjectFieldStart(category.label());
                json.writeNumberField("prevalence", category.prevalence());
                writeNullable(json, "agreement", category.agreement());
                // Fleiss' per-category kappa, whatever the number of raters.
                writeCoefficient(json, "fleiss_kappa", category.kappa(), category.standardError(), category.ci95());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("pairwise");
            PairwiseKappa pairwise = report.pairwiseCohenKappa();
            for (int i = 0; i < pairwise.raters().size(); i++) {
                for (int j = i + 1; j < pairwise.raters().size(); j++) {
                    json.writeStartObject();
                    json.writeArrayFieldStart("raters");
                    json.writeString(pairwise.raters().get(i));
                    json.writeString(pairwise.raters().get(j));
                    json.writeEndArray();
                    json.writeNumberField("shared_units", pairwise.sharedUnits(i, j));
                    writeCoefficient(json, "cohen_kappa", pairwise.kappa(i, j), pairwise.standardError(i, j),
                            pairwise.ci95(i, j));
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("warnings");
            for (String warning : report.warnings()) {
                json.writeString(warning);
            }
            for (String warning : report.categoryWarnings()) {
                json.writeString(warning);
            }
            for (String warning : pairwise.warnings()) {
                json.writeString(warning);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void writeCoefficient(JsonGenerator json, String field, Double value, Double standardError,
                                         ConfidenceInterval ci95) throws IOException {
        json.writeObjectFieldStart(field);
        writeNullable(json, "value", value);
        writeNullable(json, "se", standardError);
        if (ci95 == null) {
            json.writeNullField("ci95");
        } else {
            json.writeArrayFieldStart("ci95");
            json.writeNumber(ci95.lower());
            json.writeNumber(ci95.upper());
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void writeNullable(JsonGenerator json, String field, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}
