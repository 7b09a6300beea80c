package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.export.LabelTableExport;
import org.refusalworkbench.export.TableColumn;
import org.refusalworkbench.labelfile.LabelProject;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/** {@code export --format hf -o FOLDER}: a dataset folder with its card, written whole or not at all. */
class DatasetFolderCommandTest {

    @TempDir
    Path folder;

    @Test
    void theFolderHoldsTheDataFilesAndACardWhoseFeaturesAreTheFilesColumns() throws Exception {
        Path project = labelledProject();
        Path dataset = folder.resolve("dataset");

        CliRun result = CliRun.of("export", project.toString(), "--format", "hf", "-o", dataset.toString(), "--license",
                "cc-by-4.0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("exported a dataset folder to " + dataset);
        assertThat(dataset.resolve("data/labels.jsonl")).isRegularFile();
        assertThat(dataset.resolve("data/final_labels.jsonl")).isRegularFile();
        String card = Files.readString(dataset.resolve("README.md"));
        String yaml = card.substring(4, card.indexOf("\n---\n", 4));
        assertThat(yaml).startsWith("license: \"cc-by-4.0\"\n").contains("- config_name: labels\n  default: true\n")
                .contains("    path: data/labels.jsonl\n").contains("    path: data/final_labels.jsonl\n");
        List<String> labelFeatures = featureNames(yaml.substring(yaml.indexOf("- config_name: labels\n  features:"),
                yaml.indexOf("- config_name: final_labels\n  features:")));
        assertThat(labelFeatures).isEqualTo(LabelTableExport.columns(TaxonomyReader.defaultTaxonomy()).stream()
                .map(TableColumn::name).toList());
        JsonNode firstRow = JsonMapper.builder().build().readTree(Files.readAllLines(
                dataset.resolve("data/labels.jsonl")).get(0));
        List<String> fileColumns = new ArrayList<>();
        firstRow.fieldNames().forEachRemaining(fileColumns::add);
        assertThat(fileColumns).isEqualTo(labelFeatures);
        assertThat(card).contains("## Taxonomy").contains("### `response_type`").contains("| `full_refusal` |")
                .contains("## Agreement").contains("(Cohen)");
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas() throws Exception {
        Path project = labelledProject();
        Path dataset = Files.createDirectories(folder.resolve("dataset"));
        Files.writeString(dataset.resolve("old.jsonl"), "{}\n");

        CliRun result = CliRun.of("export", project.toString(), "--format", "hf", "-o", dataset.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + dataset + ": the folder is not empty");
        try (Stream<Path> files = Files.list(dataset)) {
            assertThat(files).containsExactly(dataset.resolve("old.jsonl"));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".partial-"));
        }
    }

    @Test
    void withoutAnOutputFolderTheCommandSaysWhatItNeeds() throws Exception {
        CliRun result = CliRun.of("export", labelledProject().toString(), "--format", "hf");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: --format hf writes a folder: give -o FOLDER");
    }

    private Path labelledProject() throws Exception {
        new LabelProject(folder, "p", LabelProject.LABELLED).close();
        return folder.resolve("p.db");
    }

    private static List<String> featureNames(String yaml) {
        return yaml.lines().filter(line -> line.startsWith("  - name: "))
                .map(line -> line.substring("  - name: ".length()).replace("\"", "")).toList();
    }


}
