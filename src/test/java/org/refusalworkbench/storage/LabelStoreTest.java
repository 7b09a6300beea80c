package org.refusalworkbench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class LabelStoreTest {

    @TempDir
    Path folder;
    private ProjectDatabase database;
    private long responseId;
    private long annotatorId;

    @BeforeEach
    void createProjectWithOneResponse() {
        database = ProjectFiles.create(folder.resolve("p.db"), TaxonomyReader.defaultTaxonomy(), "test");
        database.writer().run(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("INSERT INTO prompt (id, uid, text) VALUES (1, x'01', 'How do I kill a process?')");
                statement.execute("INSERT INTO response (id, uid, prompt_id, model, text) VALUES (7, x'02', 1, 'm', 'Use kill.')");
            }
            annotatorId = Annotators.idFor(connection, "ann");
            return null;
        });
        responseId = 7;
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void savedSelectionsAndNoteReadBackEqual() {
        Selections selections = Selections.of(Map.of("response_type", List.of("full_refusal"),
                "failure_modes", List.of("exaggerated_refusal", "inconsistency")));

        save(selections, "keyword trigger");

        LabelStore.Stored stored = database.read(c -> LabelStore.load(c, LabelKind.RESPONSE_LABEL, responseId,
                annotatorId)).orElseThrow();
        assertThat(stored.selections()).isEqualTo(selections);
        assertThat(stored.text()).isEqualTo("keyword trigger");
    }

    @Test
    void everyChangeIsLoggedWithItsOldAndNewValue() {
        save(Selections.of(Map.of("response_type", List.of("full_refusal"))), null);
        save(Selections.of(Map.of("response_type", List.of("partial_refusal"))), "changed my mind");

        assertThat(changeLog()).containsExactly(
                "select response_type.full_refusal null->1",
                "deselect response_type.full_refusal 1->null",
                "select response_type.partial_refusal null->1",
                "set_note null.null null->changed my mind");
    }

    @Test
    void savingTheSameSelectionsAgainChangesNothing() {
        Selections selections = Selections.of(Map.of("response_type", List.of("full_compliance")));
        save(selections, "n");

        boolean changed = database.writer().run(c -> LabelStore.save(c, LabelKind.RESPONSE_LABEL, responseId,
                annotatorId, selections, "n", ChangeSource.APP));

        assertThat(changed).isFalse();
        assertThat(changeLog()).hasSize(2);
    }

    /** Bulk work reuses one set of statements for every save and load of its transaction. */
    @Test
    void savesThroughReusedStatementsLogAndReadBackLikeOneOffSaves() {
        long lead = database.writer().run(c -> Annotators.idFor(c, "lead"));
        List<String> readBack = database.writer().run(c -> {
            List<String> seen = new ArrayList<>();
            try (StatementCache statements = new StatementCache(c)) {
                for (String type : List.of("full_refusal", "partial_refusal", "partial_refusal")) {
                    LabelStore.save(statements, LabelKind.RESPONSE_LABEL, responseId, annotatorId,
                            Selections.of(Map.of("response_type", List.of(type))), type.equals("full_refusal")
                                    ? null : "changed my mind", ChangeSource.IMPORT);
                    seen.add(LabelStore.load(statements, LabelKind.RESPONSE_LABEL, responseId, annotatorId)
                            .orElseThrow().selections().options("response_type").toString());
                }
                LabelStore.save(statements, LabelKind.ADJUDICATION, responseId, lead,
                        Selections.of(Map.of("response_type", List.of("full_refusal"))), "gold", ChangeSource.IMPORT);
                seen.add(String.valueOf(LabelStore.load(statements, LabelKind.RESPONSE_LABEL, responseId, lead)));
            }
            return seen;
        });

        assertThat(readBack).containsExactly("[full_refusal]", "[partial_refusal]", "[partial_refusal]",
                "Optional.empty");
        assertThat(changeLog()).containsExactly(
                "select response_type.full_refusal null->1",
                "deselect response_type.full_refusal 1->null",
                "select response_type.partial_refusal null->1",
                "set_note null.null null->changed my mind",
                "select response_type.full_refusal null->1",
                "set_reason null.null null->gold");
        assertThat(database.<Long>read(c -> count(c, "SELECT count(*) FROM adjudication"))).isEqualTo(1);
    }

    @Test
    void anAdjudicationIsOnePerResponseAndBelongsToItsLatestReviewer() {
        long otherReviewer = database.writer().run(c -> Annotators.idFor(c, "lead"));
        database.writer().run(c -> LabelStore.save(c, LabelKind.ADJUDICATION, responseId, annotatorId,
                Selections.of(Map.of("response_type", List.of("full_refusal"))), "first", ChangeSource.APP));
        database.writer().run(c -> LabelStore.save(c, LabelKind.ADJUDICATION, responseId, otherReviewer,
                Selections.of(Map.of("response_type", List.of("partial_refusal"))), "revised", ChangeSource.APP));

        LabelStore.Stored gold = database.read(c -> LabelStore.load(c, LabelKind.ADJUDICATION, responseId, 0))
                .orElseThrow();
        assertThat(gold.personId()).isEqualTo(otherReviewer);
        assertThat(gold.selections().options("response_type")).containsExactly("partial_refusal");
        assertThat(database.<Long>read(c -> count(c, "SELECT count(*) FROM adjudication"))).isEqualTo(1);
        assertThat(database.<Long>read(c -> count(c, "SELECT count(*) FROM label"))).isZero();
    }

    private void save(Selections selections, String note) {
        database.writer().run(c -> LabelStore.save(c, LabelKind.RESPONSE_LABEL, responseId, annotatorId, selections,
                note, ChangeSource.APP));
    }

    private List<String> changeLog() {
        return database.read(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT action, group_id, option_id, old_value,"
                    + " new_value FROM change_log ORDER BY id"); ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getString(2) + "." + result.getString(3) + " "
                            + result.getString(4) + "->" + result.getString(5));
                }
            }
            return rows;
        });
    }

    private static long count(java.sql.Connection c, String sql) throws Exception {
        try (PreparedStatement query = c.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
