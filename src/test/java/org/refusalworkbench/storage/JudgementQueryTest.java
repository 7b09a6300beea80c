package org.refusalworkbench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class JudgementQueryTest {

    private static final String REFUSAL = "{\"selections\": {\"response_type\": [\"full_refusal\"]}}";
    private static final String COMPLIANCE = "{\"selections\": {\"response_type\": [\"full_compliance\"]}}";

    @TempDir
    Path folder;

    @Test
    void everyResponseComesBackInOrderWithItsOwnLabelsAndGoldWhateverIsMissing() throws Exception {
        Path file = folder.resolve("r.jsonl");
        Files.writeString(file, String.join("\n",
                line("1", "\"labels\": {\"a\": " + REFUSAL + "}"),
                line("2", null),
                line("3", "\"labels\": {\"a\": " + REFUSAL + ", \"b\": " + COMPLIANCE + "},"
                        + " \"gold\": {\"reviewer\": \"lead\", \"selections\": {\"response_type\": \"full_refusal\"}}"),
                line("4", "\"gold\": {\"reviewer\": \"lead\", \"selections\": {\"response_type\": \"full_compliance\"}}"),
                line("5", null)) + "\n");
        List<ResponseJudgements> all;
        try (ProjectDatabase database = ProjectFiles.create(folder.resolve("p.db"), TaxonomyReader.defaultTaxonomy(),
                "t")) {
            new ResponseImporter(database).importFiles(List.of(file), ImportFormat.NATIVE, null,
                    ResponseImporter.Progress.NONE);
            all = database.read(JudgementQuery::all);
        }

        Selections refusal = Selections.none().with("response_type", "full_refusal", true);
        Selections compliance = Selections.none().with("response_type", "full_compliance", true);
        assertThat(all).extracting(ResponseJudgements::responseId).isSorted().hasSize(5);
        assertThat(all.get(0).byAnnotator()).containsOnly(java.util.Map.entry("a", refusal));
        assertThat(all.get(0).gold()).isNull();
        assertThat(all.get(1).byAnnotator()).isEmpty();
        assertThat(all.get(2).byAnnotator()).containsOnly(java.util.Map.entry("a", refusal),
                java.util.Map.entry("b", compliance));
        assertThat(all.get(2).gold()).isEqualTo(refusal);
        assertThat(all.get(3).byAnnotator()).isEmpty();
        assertThat(all.get(3).gold()).isEqualTo(compliance);
        assertThat(all.get(4).byAnnotator()).isEmpty();
        assertThat(all.get(4).gold()).isNull();
        // Equal selections are one object: a million labels hold only a few hundred different ones.
        assertThat(all.get(2).byAnnotator().get("a")).isSameAs(all.get(0).byAnnotator().get("a"))
                .isSameAs(all.get(2).gold());
    }

    private static String line(String id, String extra) {
        return "{\"prompt\": \"p" + id + "\", \"model\": \"m\", \"response\": \"r" + id + "\""
                + (extra == null ? "" : ", " + extra) + "}";
    }
}
