package org.refusalworkbench.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.PromptQueue;
import org.refusalworkbench.ui.annotate.AnnotationService;

/**
 * A project opened for labelling off the UI thread, with the prompt to show first already read, so the labelling
 * view can show it the moment it is built.
 */
record OpenedForLabelling(AnnotationService service, String projectName, Path file,
                          Optional<AnnotationService.PromptWork> openingPrompt) {

    /** Opens {@code file} (the demo when null) for {@code annotator}; blocks, so call it off the UI thread. */
    static OpenedForLabelling open(AppContext context, Path file, String annotator) {
        StartupTiming.mark("opening the project");
        ProjectDatabase database = context.open(file != null ? file : context.demoProjectFile());
        StartupTiming.mark("project open");
        AnnotationService service = AnnotationService.open(database, annotator);
        StartupTiming.mark("labelling service ready");
        Optional<AnnotationService.PromptWork> opening = service.openingPrompt(PromptQueue.Filter.everything());
        StartupTiming.mark("first prompt read");
        return new OpenedForLabelling(service, service.projectName(), database.file(), opening);
    }
}
