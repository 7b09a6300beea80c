package org.refusalworkbench.ui.annotate;

import java.time.Duration;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.refusalworkbench.domain.QueueEntry;
import org.refusalworkbench.domain.QueueFilter;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.project.AnnotationService;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;

/** The side queue: filters, the filtered prompts read a page at a time, and where the current prompt stands. */
public final class QueueViewModel {

    private static final Duration SEARCH_DEBOUNCE = Duration.ofMillis(250);

    private final AnnotationService service;
    private final UiExecutor executor;
    private final PagedEntries entries;

    private final ObjectProperty<QueueFilter.Status> status = new SimpleObjectProperty<>(QueueFilter.Status.ALL);
    private final StringProperty model = new SimpleStringProperty();
    private final StringProperty category = new SimpleStringProperty();
    private final ObjectProperty<SafetyLabel> safety = new SimpleObjectProperty<>();
    private final BooleanProperty flaggedOnly = new SimpleBooleanProperty(false);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(-1);

    private long currentPrompt = -1;
    private long countGeneration;
    private UiExecutor.Cancellable pendingSearch;

    QueueViewModel(AnnotationService service, UiExecutor executor) {
        this.service = service;
        this.executor = executor;
        this.entries = new PagedEntries(executor);
        InvalidationListener refilter = observable -> refresh();
        status.addListener(refilter);
        model.addListener(refilter);
        category.addListener(refilter);
        safety.addListener(refilter);
        flaggedOnly.addListener(refilter);
        search.addListener(observable -> {
            if (pendingSearch != null) {
                pendingSearch.cancel();
            }
            pendingSearch = executor.schedule(SEARCH_DEBOUNCE, this::refresh);
        });
    }

    void start() {
        BackgroundTask.read(service::facets)
                .onSuccess(facets -> {
                    models.setAll(facets.models());
                    categories.setAll(facets.categories());
                })
                .onFailure(failure -> { })
                .runOn(executor);
        refresh();
    }

    public QueueFilter filter() {
        return new QueueFilter(status.get(), model.get(), category.get(), safety.get(), flaggedOnly.get(),
                search.get());
    }

    /** Counts the filtered prompts again and starts reading rows afresh. */
    public void refresh() {
        QueueFilter filter = filter();
        long generation = ++countGeneration;
        BackgroundTask.read(() -> service.count(filter))
                .onSuccess(count -> {
                    if (generation != countGeneration) {
                        return;
                    }
                    int rows = (int) Math.min(Integer.MAX_VALUE, count);
                    entries.reset((offset, limit) -> service.page(filter, offset, limit), rows);
                    size.set(rows);
                    locateCurrent();
                })
                .onFailure(failure -> { })
                .runOn(executor);
    }

    /** Re-reads the visible rows, e.g. after a done mark changed. */
    void refreshRows() {
        if (status.get() == QueueFilter.Status.ALL && !flaggedOnly.get()) {
            entries.invalidate();
        } else {
            refresh();
        }
    }

    void showCurrent(long promptId) {
        currentPrompt = promptId;
        locateCurrent();
    }

    private void locateCurrent() {
        if (currentPrompt < 0) {
            return;
        }
        long promptId = currentPrompt;
        QueueFilter filter = filter();
        BackgroundTask.read(() -> {
                    long index = service.indexOf(filter, promptId);
                    boolean shown = service.page(filter, index, 1).stream()
                            .anyMatch(entry -> entry.promptId() == promptId);
                    return shown ? (int) index : -1;
                })
                .onSuccess(currentIndex::set)
                .onFailure(failure -> { })
                .runOn(executor);
    }

    public ObservableList<QueueEntry> entries() {
        return entries;
    }

    public ObjectProperty<QueueFilter.Status> statusProperty() {
        return status;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public ObjectProperty<SafetyLabel> safetyProperty() {
        return safety;
    }

    public BooleanProperty flaggedOnlyProperty() {
        return flaggedOnly;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** The row of the prompt on screen in the filtered queue, or -1 when the filter hides it. */
    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }
}
