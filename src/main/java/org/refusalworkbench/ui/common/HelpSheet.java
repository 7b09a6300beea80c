package org.refusalworkbench.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The key sheet (F1 or ?): every binding of the workspace, from the same table the collision test checks. */
public final class HelpSheet {

    private HelpSheet() {
    }

    public static void show(Window owner, BindingTable table) {
        TableView<BindingTable.Row> view = new TableView<>(FXCollections.observableArrayList(table.rows()));
        TableColumn<BindingTable.Row, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().stroke().displayText()));
        key.setPrefWidth(130);
        TableColumn<BindingTable.Row, String> section = new TableColumn<>("Where");
        section.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().section()));
        section.setPrefWidth(150);
        TableColumn<BindingTable.Row, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().action()));
        action.setPrefWidth(430);
        view.getColumns().add(key);
        view.getColumns().add(section);
        view.getColumns().add(action);
        view.setId("help-sheet");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Key bindings — option hotkeys apply to the active column; none fire while typing");
        Scene scene = new Scene(view, 740, 640);
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.F1) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
    }
}
