package org.refusalworkbench.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.refusalworkbench.ui.common.DialogService;

/**
 * Dialogs for tests without the toolkit: every dialog asked for is recorded, and each question takes the next
 * scripted answer. A question nobody scripted an answer for fails the test, so a dialog cannot appear unnoticed.
 */
public final class RecordingDialogService implements DialogService {

    /** One dialog as it was asked for. */
    public record Shown(String kind, String title, String text) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    /**
     * Scripts the answer to the next question: a Boolean for {@link #confirm}, a String (or null for Cancel) for
     * {@link #ask} and {@link #choose}, a Path (or null for Cancel) for a file, a List of paths for several files.
     */
    public RecordingDialogService answer(Object answer) {
        answers.add(answer == null ? Optional.empty() : answer);
        return this;
    }

    public List<Shown> shown() {
        return List.copyOf(shown);
    }

    /** The dialogs of one kind ({@code "error"}, {@code "information"}, {@code "confirm"} …), in order. */
    public List<Shown> shown(String kind) {
        return shown.stream().filter(dialog -> dialog.kind().equals(kind)).toList();
    }

    @Override
    public void information(String title, String text) {
        shown.add(new Shown("information", title, text));
    }

    @Override
    public void error(String title, String text) {
        shown.add(new Shown("error", title, text));
    }

    @Override
    public boolean confirm(String title, String question) {
        shown.add(new Shown("confirm", title, question));
        return next(Boolean.class);
    }

    @Override
    public Optional<String> ask(String question, List<String> answers) {
        shown.add(new Shown("ask", null, question));
        return optional(String.class);
    }

    @Override
    public Optional<String> text(String title, String question, String initial) {
        shown.add(new Shown("text", title, question));
        return optional(String.class);
    }

    @Override
    public <T> Optional<T> choose(String title, String question, List<T> choices, T initial) {
        shown.add(new Shown("choose", title, question));
        Optional<?> answer = optional(Object.class);
        if (answer.isPresent() && !choices.contains(answer.get())) {
            throw new AssertionError("scripted answer " + answer.get() + " is not among " + choices);
        }
        return answer.map(choices::indexOf).map(choices::get);
    }

    @Override
    public Optional<Path> fileToOpen(String title, FileFilter... filters) {
        shown.add(new Shown("fileToOpen", title, null));
        return optional(Path.class);
    }

    @Override
    public List<Path> filesToOpen(String title, FileFilter... filters) {
        shown.add(new Shown("filesToOpen", title, null));
        Optional<?> files = optional(List.class);
        return files.map(list -> ((List<?>) list).stream().map(Path.class::cast).toList()).orElse(List.of());
    }

    @Override
    public Optional<Path> fileToSave(String title, String initialFileName) {
        shown.add(new Shown("fileToSave", title, initialFileName));
        return optional(Path.class);
    }

    @Override
    public Progress progress(String title, String text) {
        shown.add(new Shown("progress", title, text));
        return new Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public void close() {
                shown.add(new Shown("progress closed", title, text));
            }
        };
    }

    private <T> Optional<T> optional(Class<T> type) {
        Object answer = nextAnswer();
        return answer instanceof Optional<?> ? Optional.empty() : Optional.of(cast(type, answer));
    }

    private <T> T next(Class<T> type) {
        return cast(type, nextAnswer());
    }

    private Object nextAnswer() {
        if (answers.isEmpty()) {
            throw new AssertionError("a dialog asked a question no answer was scripted for: "
                    + shown.get(shown.size() - 1));
        }
        return answers.poll();
    }

    private static <T> T cast(Class<T> type, Object answer) {
        if (!type.isInstance(answer)) {
            throw new AssertionError("scripted answer " + answer + " is not a " + type.getSimpleName());
        }
        return type.cast(answer);
    }
}
