package org.refusalworkbench.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The dialogs on screen, each owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Stage owner;

    public FxDialogService(Stage owner) {
        this.owner = owner;
    }

    @Override
    public void information(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.initOwner(owner);
        alert.setHeaderText(title);
        alert.show();
    }

    @Override
    public void error(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setHeaderText(title);
        TextArea details = new TextArea(text);
        details.setEditable(false);
        details.setWrapText(true);
        alert.getDialogPane().setContent(details);
        alert.show();
    }

    @Override
    public boolean confirm(String title, String question) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
        ask.initOwner(owner);
        ask.setHeaderText(title);
        return ask.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    @Override
    public Optional<String> ask(String question, List<String> answers) {
        List<ButtonType> buttons = new ArrayList<>();
        answers.forEach(answer -> buttons.add(new ButtonType(answer)));
        buttons.add(ButtonType.CANCEL);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question, buttons.toArray(ButtonType[]::new));
        ask.initOwner(owner);
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        return answer == ButtonType.CANCEL ? Optional.empty() : Optional.of(answer.getText());
    }

    @Override
    public Optional<String> text(String title, String question, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(question + ":");
        return dialog.showAndWait().map(String::strip).filter(answer -> !answer.isEmpty());
    }

    @Override
    public <T> Optional<T> choose(String title, String question, List<T> choices, T initial) {
        ChoiceDialog<T> dialog = new ChoiceDialog<>(initial, choices);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(question + ":");
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> fileToOpen(String title, FileFilter... filters) {
        return Optional.ofNullable(chooser(title, filters).showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public List<Path> filesToOpen(String title, FileFilter... filters) {
        List<File> files = chooser(title, filters).showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> fileToSave(String title, String initialFileName) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(initialFileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Progress progress(String title, String text) {
        ProgressDialog dialog = new ProgressDialog(owner, title, text).show();
        return new Progress() {
            @Override
            public void update(long done, long total) {
                dialog.update(done, total);
            }

            @Override
            public void close() {
                dialog.close();
            }
        };
    }

    private static FileChooser chooser(String title, FileFilter... filters) {
        FileChooser chooser = new FileChooser();
        if (title != null) {
            chooser.setTitle(title);
        }
        for (FileFilter filter : filters) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter.description(),
                    filter.patterns()));
        }
        return chooser;
    }
}
