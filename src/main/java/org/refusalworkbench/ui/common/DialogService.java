package org.refusalworkbench.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The dialogs the workbench's actions and view models ask for. They call this interface, never {@code Alert} or
 * {@code FileChooser}, so they run without the toolkit in tests against a recording double; {@link FxDialogService}
 * shows them on screen.
 */
public interface DialogService {

    /** The files a file dialog offers: a description and glob patterns such as {@code *.jsonl}. */
    record FileFilter(String description, List<String> patterns) {

        public FileFilter(String description, String... patterns) {
            this(description, List.of(patterns));
        }
    }

    /** Long file work under way: the bar follows {@link #update}, from any thread, until {@link #close}. */
    interface Progress {
        /** @param total the amount of work, or 0 when unknown */
        void update(long done, long total);

        void close();
    }

    /** Tells something worth knowing; does not wait for it to be read. */
    void information(String title, String text);

    /** Tells what went wrong, with the text selectable for copying; does not wait for it to be read. */
    void error(String title, String text);

    /** Asks a yes-or-no question and waits for the answer; true for yes. */
    boolean confirm(String title, String question);

    /** Asks {@code question} with one button per answer and Cancel; empty when cancelled. */
    Optional<String> ask(String question, List<String> answers);

    /** Asks for a line of text, {@code initial} filled in; empty when cancelled or left blank. */
    Optional<String> text(String title, String question, String initial);

    /** Asks for one of {@code choices} from a list, {@code initial} preselected; empty when cancelled. */
    <T> Optional<T> choose(String title, String question, List<T> choices, T initial);

    /** Asks for an existing file; empty when cancelled. {@code title} may be null for the platform's own. */
    Optional<Path> fileToOpen(String title, FileFilter... filters);

    /** Asks for one or more existing files; empty when cancelled. */
    List<Path> filesToOpen(String title, FileFilter... filters);

    /** Asks where to write a new file, suggesting {@code initialFileName}; empty when cancelled. */
    Optional<Path> fileToSave(String title, String initialFileName);

    /** Shows a progress bar for long file work until the returned progress is closed. */
    Progress progress(String title, String text);
}
