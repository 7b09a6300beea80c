package org.refusalworkbench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.domain.RaterCoverage;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class RaterCoverageQueryTest {

    /** A refusal with a failure mode chosen and the refusal type left empty. */
    private static final Selections NO_REFUSAL_TYPE = Selections.of(Map.of("response_type",
            List.of("full_refusal"), "failure_modes", List.of("inconsistency")));

    @TempDir
    Path folder;
    private ProjectDatabase database;

    @BeforeEach
    void createProjectWithOneResponse() {
        database = ProjectFiles.create(folder.resolve("p.db"), TaxonomyReader.defaultTaxonomy(), "test");
        database.writer().run(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("INSERT INTO prompt (id, uid, text) VALUES (1, x'01', 'How do I kill a process?')");
                statement.execute("INSERT INTO response (id, uid, prompt_id, model, text) VALUES (7, x'02', 1, 'm', 'Use kill.')");
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anImportedLabelAnswersOnlyTheGroupsItChoseIn() {
        label("imported", ChangeSource.IMPORT);

        RaterCoverage coverage = database.read(RaterCoverageQuery::read);

        assertThat(coverage.answered("imported", "failure_modes")).isTrue();
        assertThat(coverage.answered("imported", "refusal_type")).isFalse();
    }

    @Test
    void anAppLabelAnswersEveryGroupEvenTheOnesLeftEmpty() {
        label("in-app", ChangeSource.APP);

        RaterCoverage coverage = database.read(RaterCoverageQuery::read);

        assertThat(coverage.answered("in-app", "failure_modes")).isTrue();
        assertThat(coverage.answered("in-app", "refusal_type")).isTrue();
    }

    @Test
    void aMergedLabelCountsAsMadeInTheApp() {
        label("merged", ChangeSource.MERGE);

        RaterCoverage coverage = database.read(RaterCoverageQuery::read);

        assertThat(coverage.answered("merged", "refusal_type")).isTrue();
    }

    private void label(String person, ChangeSource source) {
        database.writer().run(connection -> LabelStore.save(connection, LabelKind.RESPONSE_LABEL, 7,
                Annotators.idFor(connection, person), NO_REFUSAL_TYPE, null, source));
    }
}
