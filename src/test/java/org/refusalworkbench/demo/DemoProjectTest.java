package org.refusalworkbench.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectStats;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class DemoProjectTest {

    @TempDir
    Path folder;

    @Test
    void demoHasAbout20PromptsWithThreeModelsAndThreeAnnotators() {
        Path file = new DemoProject(folder, "test").ensure();
        try (ProjectDatabase database = ProjectFiles.open(file)) {
            ProjectStats stats = database.read(ProjectStats::read);

            assertThat(stats.prompts()).isBetween(18L, 24L);
            assertThat(stats.models()).isEqualTo(3);
            assertThat(stats.responsesLabelledByAnnotator()).containsOnlyKeys("annotator-a", "annotator-b",
                    "annotator-c");
            assertThat(database.<Long>read(c -> count(c, "SELECT count(*) FROM response"
                    + " WHERE transcript_json IS NOT NULL"))).isGreaterThanOrEqualTo(2);
            assertThat(database.<Long>read(c -> count(c, "SELECT count(*) FROM response WHERE sample > 1")))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void buildingTheDemoLeavesNothingOfTheBuildBehind() throws Exception {
        new DemoProject(folder, "test").ensure();
        try (var files = java.nio.file.Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("demo.building")).noneMatch(name -> name.endsWith(".jsonl"));
        }
    }

    @Test
    void demoLabelsUseEveryOptionOfTheDefaultTaxonomy() {
        Path file = new DemoProject(folder, "test").ensure();
        Set<String> used = new HashSet<>();
        try (ProjectDatabase database = ProjectFiles.open(file)) {
            database.read(c -> {
                try (PreparedStatement query = c.prepareStatement("SELECT group_id || '.' || option_id FROM"
                        + " label_selection UNION SELECT group_id || '.' || option_id FROM prompt_label_selection");
                     ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        used.add(rows.getString(1));
                    }
                }
                return null;
            });
        }
        for (TaxonomyGroup group : TaxonomyReader.defaultTaxonomy().groups()) {
            for (TaxonomyOption option : group.options()) {
                assertThat(used).contains(group.id() + "." + option.id());
            }
        }
    }

    @Test
    void resetThrowsAwayLabelsMadeSince() {
        DemoProject demo = new DemoProject(folder, "test");
        Path file = demo.ensure();
        try (ProjectDatabase database = ProjectFiles.open(file)) {
            database.writer().run(c -> {
                try (var statement = c.createStatement()) {
                    statement.execute("DELETE FROM label_selection");
                }
                return null;
            });
        }

        demo.reset();

        try (ProjectDatabase database = ProjectFiles.open(file)) {
            assertThat(database.<Long>read(c -> count(c, "SELECT count(*) FROM label_selection"))).isPositive();
        }
    }

    private static long count(java.sql.Connection c, String sql) throws Exception {
        try (PreparedStatement query = c.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
