package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The key of Gwet's coefficient says which coefficient the level asks for, whatever the data make of the weights. */
class WeightedLevelKeysTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"ordinal", "interval", "ratio"})
    void aWeightedLevelWithTwoCategoriesStillReportsGwetAc2(String level) throws Exception {
        Path ratings = Files.writeString(folder.resolve("two-values.csv"), "unit,rater,value\n"
                + "u1,a,1\nu1,b,1\nu2,a,2\nu2,b,2\nu3,a,1\nu3,b,2\nu4,a,2\nu4,b,2\n");

        JsonNode metrics = agreementJson(ratings, level).get("metrics");

        assertThat(metrics.has("gwet_ac2")).as(metrics.toString()).isTrue();
        assertThat(metrics.has("gwet_ac1")).isFalse();
    }

    @Test
    void theNominalLevelReportsGwetAc1() throws Exception {
        Path ratings = Files.writeString(folder.resolve("two-values.csv"), "unit,rater,value\n"
                + "u1,a,x\nu1,b,x\nu2,a,y\nu2,b,y\nu3,a,x\nu3,b,y\n");

        assertThat(agreementJson(ratings, "nominal").get("metrics").has("gwet_ac1")).isTrue();
    }

    private static JsonNode agreementJson(Path ratings, String level) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new AgreementCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int code = cli.execute("--ratings", ratings.toString(), "--level", level, "--json", "--bootstrap", "0");
        assertThat(code).isZero();
        return JsonMapper.builder().build().readTree(out.toString());
    }
}
