package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.AppContext;
import org.refusalworkbench.labelfile.LabelProject;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.ui.common.SameThreadExecutor;

/** File → Export labels… offers the training and table exports the command line has, as the dialogs answer. */
class LabelFileActionsTest {

    @TempDir
    Path folder;
    private AppContext context;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private LabelFileActions actions;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(DataFolder.PROPERTY, folder.resolve("data").toString());
        new LabelProject(folder, "p", LabelProject.LABELLED).close();
        context = AppContext.forDesktop();
        context.open(folder.resolve("p.db"));
        actions = new LabelFileActions(context, new SameThreadExecutor(), dialogs, () -> { });
    }

    @AfterEach
    void tearDown() {
        context.close();
        System.clearProperty(DataFolder.PROPERTY);
    }

    @Test
    void theTrlDpoChoiceWritesTrlsColumnsToTheFileNamedForIt() throws Exception {
        Path target = folder.resolve("p-trl-dpo.jsonl");
        dialogs.answer("TRL DPO pairs (.jsonl): prompt, chosen, rejected, for DPO training")
                .answer("All labels and gold labels").answer(target);

        actions.export();

        assertThat(dialogs.shown("fileToSave")).extracting(RecordingDialogService.Shown::text)
                .containsExactly("p-trl-dpo.jsonl");
        assertThat(dialogs.shown("error")).isEmpty();
        JsonNode first = JsonMapper.builder().build().readTree(Files.readAllLines(target).get(0));
        assertThat(first.get("prompt").isTextual()).isTrue();
        assertThat(first.get("chosen").isTextual()).isTrue();
        assertThat(first.get("rejected").isTextual()).isTrue();
    }

    @Test
    void theParquetLabelTableIsAParquetFile() throws Exception {
        Path target = folder.resolve("p-label-table.parquet");
        dialogs.answer("Label table (.parquet): the same as Parquet").answer("All labels and gold labels")
                .answer(target);

        actions.export();

        assertThat(dialogs.shown("error")).isEmpty();
        byte[] bytes = Files.readAllBytes(target);
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(bytes, bytes.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");
        assertThat(dialogs.shown("information")).extracting(RecordingDialogService.Shown::text)
                .anyMatch(text -> text.contains("label(s)"));
    }

}
