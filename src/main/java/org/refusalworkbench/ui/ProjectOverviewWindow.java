package org.refusalworkbench.ui;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.AppInfo;

/** A read-only list of the project's prompts and, for the selected one, its responses. */
final class ProjectOverviewWindow {

    private record Row(long id, String model, String category, String text) {
    }

    private final AppContext context;

    ProjectOverviewWindow(AppContext context) {
        this.context = context;
    }

    void show(Stage stage) {
        TableView<Row> prompts = table("Category", List.of());
        TableView<Row> responses = table("Model", List.of());
        TextArea detail = new TextArea();
        detail.setWrapText(true);
        detail.setEditable(false);
        prompts.setItems(FXCollections.observableList(query(
                "SELECT id, '', coalesce(category, ''), text FROM prompt ORDER BY id", null)));
        prompts.getSelectionModel().selectedItemProperty().addListener((observable, old, prompt) -> {
            responses.setItems(FXCollections.observableList(prompt == null ? List.of() : query(
                    "SELECT id, model, '', coalesce(text, transcript_json) FROM response WHERE prompt_id = ?"
                            + " ORDER BY model, sample", prompt.id())));
        });
        responses.getSelectionModel().selectedItemProperty().addListener((observable, old, response) ->
                detail.setText(response == null ? "" : response.text()));
        SplitPane split = new SplitPane(prompts, new SplitPane(responses, detail));
        ((SplitPane) split.getItems().get(1)).setOrientation(javafx.geometry.Orientation.VERTICAL);
        stage.setTitle(AppInfo.NAME + " — " + context.project().file().getFileName());
        stage.setScene(new Scene(split, 1200, 800));
        stage.show();
    }

    private static TableView<Row> table(String first, List<Row> rows) {
        TableView<Row> table = new TableView<>(FXCollections.observableList(new ArrayList<>(rows)));
        TableColumn<Row, String> kind = new TableColumn<>(first);
        kind.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                first.equals("Model") ? cell.getValue().model() : cell.getValue().category()));
        TableColumn<Row, String> text = new TableColumn<>("Text");
        text.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().text()));
        text.setPrefWidth(600);
        table.getColumns().add(kind);
        table.getColumns().add(text);
        return table;
    }

    private List<Row> query(String sql, Long parameter) {
        return context.project().read(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    statement.setLong(1, parameter);
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3),
                                result.getString(4)));
                    }
                }
            }
            return rows;
        });
    }
}
