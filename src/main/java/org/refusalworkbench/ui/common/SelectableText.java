package org.refusalworkbench.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Wrapping, selectable text with styled runs (monospaced code) and highlighted ranges drawn behind the letters.
 * A TextFlow cannot select on its own, so selection is drawn from the flow's hit tests and range shapes; Ctrl+C
 * (or the context menu) copies it.
 */
public final class SelectableText extends Region {

    /** A run of text; {@code styleClass} may be null, or several classes separated by spaces. */
    public record Run(String text, String styleClass) {
    }

    /** A range to paint behind the text, {@code end} exclusive. */
    public record Mark(int start, int end, String styleClass) {
    }

    private final TextFlow flow = new TextFlow();
    private final List<Path> markShapes = new ArrayList<>();
    private final Path selectionShape = new Path();
    private List<Mark> marks = List.of();
    private String plain = "";
    private int anchor;
    private int caret;
    private double laidOutWidth = -1;
    private ContextMenu menu;

    public SelectableText() {
        getStyleClass().add("selectable-text");
        selectionShape.getStyleClass().add("text-selection");
        selectionShape.setManaged(false);
        getChildren().addAll(selectionShape, flow);
        setFocusTraversable(false);
        addEventHandler(MouseEvent.MOUSE_PRESSED, event -> {
            if (event.isPrimaryButtonDown()) {
                anchor = index(event);
                caret = anchor;
                updateSelection();
                requestFocus();
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, event -> {
            caret = index(event);
            updateSelection();
        });
        setOnKeyPressed(event -> {
            if (event.isShortcutDown() && event.getCode() == KeyCode.C && anchor != caret) {
                copy();
                event.consume();
            }
        });
        // Built when first asked for: a menu is a popup window with a scene of its own, and five of them for
        // every prompt were a fifth of the time from PgDn to the next prompt on screen.
        setOnContextMenuRequested(event -> contextMenu().show(this, event.getScreenX(), event.getScreenY()));
    }

    private ContextMenu contextMenu() {
        if (menu == null) {
            MenuItem copy = new MenuItem("Copy");
            copy.setOnAction(event -> copy());
            MenuItem copyAll = new MenuItem("Copy all");
            copyAll.setOnAction(event -> put(plain));
            menu = new ContextMenu(copy, copyAll);
        }
        return menu;
    }

    public void setContent(List<Run> runs, List<Mark> newMarks) {
        List<Text> texts = new ArrayList<>(runs.size());
        StringBuilder all = new StringBuilder();
        for (Run run : runs) {
            Text text = new Text(run.text());
            text.getStyleClass().add("body-text");
            if (run.styleClass() != null) {
                text.getStyleClass().addAll(run.styleClass().split(" "));
            }
            // A new font (a text-size change, a style sheet applied late) moves every letter: the highlights
            // and the selection must be drawn again where the letters now are, not where they were.
            text.fontProperty().addListener(observable -> {
                laidOutWidth = -1;
                requestLayout();
            });
            texts.add(text);
            all.append(run.text());
        }
        plain = all.toString();
        flow.getChildren().setAll(texts);
        marks = List.copyOf(newMarks);
        getChildren().removeAll(markShapes);
        markShapes.clear();
        for (Mark mark : marks) {
            Path shape = new Path();
            shape.setManaged(false);
            shape.getStyleClass().add(mark.styleClass());
            markShapes.add(shape);
        }
        getChildren().addAll(0, markShapes);
        anchor = 0;
        caret = 0;
        laidOutWidth = -1;
        requestLayout();
    }

    public String getPlainText() {
        return plain;
    }

    public String getSelectedText() {
        return plain.substring(Math.min(anchor, caret), Math.max(anchor, caret));
    }

    /** Height depends on width, so parents ask for the height at the width they will give. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        return flow.prefHeight(w - snappedLeftInset() - snappedRightInset()) + snappedTopInset()
                + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        flow.resizeRelocate(snappedLeftInset(), snappedTopInset(), width, flow.prefHeight(width));
        if (width != laidOutWidth) {
            laidOutWidth = width;
            flow.layout();
            for (int i = 0; i < marks.size(); i++) {
                Mark mark = marks.get(i);
                place(markShapes.get(i), flow.rangeShape(mark.start(), Math.min(mark.end(), plain.length())));
            }
            updateSelection();
        }
    }

    private void place(Path shape, PathElement[] elements) {
        shape.getElements().setAll(elements);
        shape.setLayoutX(flow.getLayoutX());
        shape.setLayoutY(flow.getLayoutY());
    }

    private int index(MouseEvent event) {
        Point2D point = flow.sceneToLocal(event.getSceneX(), event.getSceneY());
        return Math.max(0, Math.min(plain.length(), flow.hitTest(point).getInsertionIndex()));
    }

    private void updateSelection() {
        if (anchor == caret) {
            selectionShape.getElements().clear();
        } else {
            place(selectionShape, flow.rangeShape(Math.min(anchor, caret), Math.max(anchor, caret)));
        }
    }

    private void copy() {
        put(anchor == caret ? plain : getSelectedText());
    }

    private static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
