package org.refusalworkbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.common.KeyBinding;
import org.refusalworkbench.ui.common.TextSize;
import org.refusalworkbench.ui.common.UiSetting;
import org.refusalworkbench.ui.common.UiSettings;

/**
 * The main window's menu bar. Undo, blind mode and prompt navigation belong to labelling and are hidden in review,
 * which has its own keys and tabs; the file menu and the text size serve both modes.
 */
final class MainMenus {

    /** What the menu items do. */
    interface Actions {
        void newProject();

        void openProject();

        void openDemo();

        void openRecent(Path project);

        void importResponses();

        void importWithMapping();

        void exportLabels();

        void mergeLabelFiles();

        void quit();

        void resizeText(UnaryOperator<TextSize> change);

        void showHelp();

        void showGuide();

        /** Runs {@code action} on the labelling workspace, if one is open. */
        void onLabelling(Consumer<AnnotationViewModel> action);
    }

    private final Actions actions;
    private final Menu recentMenu = new Menu("Recent projects");
    private final MenuItem undoItem = new MenuItem("Undo");
    private final MenuItem redoItem = new MenuItem("Redo");
    private final CheckMenuItem blindItem = new CheckMenuItem("Blind mode (hide model names)");
    private final CheckMenuItem highlightItem = new CheckMenuItem("Highlight likely refusal phrases");
    private final CheckMenuItem formattedItem = new CheckMenuItem(
            withKey("Show Markdown formatted (off: as written)", KeyBinding.TOGGLE_FORMATTED));
    private final SeparatorMenuItem labellingViewSeparator = new SeparatorMenuItem();
    private final List<Menu> labellingMenus;
    private final MenuBar bar;

    MainMenus(Actions actions, UiSettings settings) {
        this.actions = actions;
        MenuItem open = item("Open project…", actions::openProject);
        MenuItem quit = item("Quit", actions::quit);
        // The usual desktop shortcuts; the workspaces' own keys are plain letters or other Ctrl combinations.
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        refreshRecent(settings.recentProjects());
        Menu file = new Menu("File", null, item("New project…", actions::newProject), open,
                item("Open the demo project", actions::openDemo), recentMenu, new SeparatorMenuItem(),
                item("Import responses…", actions::importResponses),
                item("Import with a mapping file…", actions::importWithMapping),
                item("Export labels…", actions::exportLabels),
                item("Merge label files…", actions::mergeLabelFiles), new SeparatorMenuItem(), quit);
        undoItem.setOnAction(event -> actions.onLabelling(AnnotationViewModel::undo));
        redoItem.setOnAction(event -> actions.onLabelling(AnnotationViewModel::redo));
        Menu edit = new Menu("Edit", null, undoItem, redoItem);
        MenuItem larger = item("Larger text", () -> actions.resizeText(TextSize::larger));
        larger.setAccelerator(KeyBinding.TEXT_LARGER.stroke().combination());
        MenuItem smaller = item("Smaller text", () -> actions.resizeText(TextSize::smaller));
        smaller.setAccelerator(KeyBinding.TEXT_SMALLER.stroke().combination());
        MenuItem normal = item("Normal text size", () -> actions.resizeText(size -> TextSize.NORMAL));
        normal.setAccelerator(KeyBinding.TEXT_NORMAL.stroke().combination());
        Menu viewMenu = new Menu("View", null, blindItem, highlightItem, formattedItem, labellingViewSeparator, larger, smaller,
                normal);
        // Turning blind mode on is kept; turning it off lasts for this session only, so a study stays blind after a
        // restart whatever was pressed the day before.
        blindItem.selectedProperty().addListener((o, old, on) -> {
            if (on) {
                settings.set(UiSetting.BLIND, true);
            }
        });
        highlightItem.selectedProperty().addListener((o, old, on) -> settings.set(UiSetting.HIGHLIGHT_PHRASES, on));
        formattedItem.selectedProperty().addListener((o, old, on) -> settings.set(UiSetting.FORMATTED_TEXT, on));
        Menu go = new Menu("Go", null,
                labellingItem("Next prompt", KeyBinding.NEXT_PROMPT, AnnotationViewModel::nextPrompt),
                labellingItem("Previous prompt", KeyBinding.PREVIOUS_PROMPT, AnnotationViewModel::previousPrompt),
                labellingItem("Next unfinished prompt", KeyBinding.NEXT_UNFINISHED,
                        AnnotationViewModel::nextUnfinished),
                labellingItem("Mark done / not done", KeyBinding.MARK_DONE, AnnotationViewModel::toggleDone));
        Menu help = new Menu("Help", null, item(withKey("Taxonomy guide", KeyBinding.SHOW_GUIDE), actions::showGuide),
                item(withKey("Key bindings", KeyBinding.SHOW_HELP), actions::showHelp));
        labellingMenus = List.of(edit, go);
        bar = new MenuBar(file, edit, viewMenu, go, help);
    }

    MenuBar bar() {
        return bar;
    }

    /** Lists the recent projects, newest first, each opening its project. */
    void refreshRecent(List<Path> projects) {
        recentMenu.getItems().clear();
        for (Path path : projects) {
            recentMenu.getItems().add(item(path.toString(), () -> actions.openRecent(path)));
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** Shows the labelling menus and ties undo, redo, blind mode and highlighting to {@code workspace}. */
    void showLabelling(AnnotationViewModel workspace) {
        showLabellingItems(true);
        undoItem.disableProperty().bind(workspace.undoStack().canUndoProperty().not());
        redoItem.disableProperty().bind(workspace.undoStack().canRedoProperty().not());
        undoItem.textProperty().bind(Bindings.concat("Undo ", workspace.undoStack().undoDescriptionProperty(),
                "\t", KeyBinding.UNDO.displayText()));
        redoItem.textProperty().bind(Bindings.concat("Redo ", workspace.undoStack().redoDescriptionProperty(),
                "\t", KeyBinding.REDO.displayText()));
        // The item shows blind mode and acts as Ctrl+Shift+B does: one choice asks under the prompt, a second
        // shows the names; a plain check box would unblind at one click.
        blindItem.setSelected(workspace.blindProperty().get());
        workspace.blindProperty().addListener((o, old, on) -> blindItem.setSelected(on));
        blindItem.setOnAction(event -> {
            blindItem.setSelected(workspace.blindProperty().get());
            workspace.toggleBlind();
        });
        highlightItem.selectedProperty().bindBidirectional(workspace.highlightPhrasesProperty());
        formattedItem.selectedProperty().bindBidirectional(workspace.formattedTextProperty());
    }

    /** Hides what belongs to labelling only; the text size stays, for both modes. */
    void showReview() {
        showLabellingItems(false);
    }

    private void showLabellingItems(boolean shown) {
        labellingMenus.forEach(menu -> menu.setVisible(shown));
        blindItem.setVisible(shown);
        highlightItem.setVisible(shown);
        formattedItem.setVisible(shown);
        labellingViewSeparator.setVisible(shown);
    }

    private MenuItem labellingItem(String text, KeyBinding binding, Consumer<AnnotationViewModel> action) {
        return item(withKey(text, binding), () -> actions.onLabelling(action));
    }

    private static String withKey(String text, KeyBinding binding) {
        return text + "\t" + binding.displayText();
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        return item;
    }
}
