package org.refusalworkbench.ui.annotate;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.refusalworkbench.domain.Response;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.OptionRef;
import org.refusalworkbench.taxonomy.RuleChecker;
import org.refusalworkbench.taxonomy.RuleViolation;

/**
 * One response column: the response, its (blind or real) title, this annotator's selections and note, and the rule
 * flags those selections raise. Changes go through {@link AnnotationViewModel} so every one is saved and undoable.
 */
public final class ResponseColumnViewModel {

    private final Response response;
    private final RuleChecker rules;
    private final StringProperty title = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Selections> selections = new ReadOnlyObjectWrapper<>(Selections.none());
    private final ReadOnlyObjectWrapper<List<RuleViolation>> violations = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Map<OptionRef, String>> flags = new ReadOnlyObjectWrapper<>(Map.of());
    private final NoteState note;

    ResponseColumnViewModel(Response response, RuleChecker rules, Selections initial, NoteState note) {
        this.response = response;
        this.rules = rules;
        this.note = note;
        selections.addListener((observable, old, current) -> check(current));
        selections.set(initial);
        check(initial);
    }

    public Response response() {
        return response;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public String title() {
        return title.get();
    }

    /** Read by the view; written only by the view model's commands. */
    public ReadOnlyObjectProperty<Selections> selectionsProperty() {
        return selections.getReadOnlyProperty();
    }

    public Selections selections() {
        return selections.get();
    }

    void setSelections(Selections value) {
        selections.set(value);
    }

    /** The response note; the view binds a text field to it both ways, saving is debounced. */
    public StringProperty noteProperty() {
        return note.text();
    }

    NoteState noteState() {
        return note;
    }

    public ReadOnlyObjectProperty<List<RuleViolation>> violationsProperty() {
        return violations.getReadOnlyProperty();
    }

    /** For each flagged option, why: what the view shows next to it. */
    public ReadOnlyObjectProperty<Map<OptionRef, String>> flagsProperty() {
        return flags.getReadOnlyProperty();
    }

    private void check(Selections current) {
        List<RuleViolation> found = rules.check(current, response.isMultiTurn());
        violations.set(List.copyOf(found));
        flags.set(found.stream().collect(Collectors.toUnmodifiableMap(RuleViolation::option,
                RuleViolation::message, (first, second) -> first + " " + second)));
    }
}
