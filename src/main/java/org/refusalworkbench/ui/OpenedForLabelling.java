package org.refusalworkbench.ui;

import java.util.Optional;

import org.refusalworkbench.domain.QueueFilter;
import org.refusalworkbench.project.AnnotationService;
import org.refusalworkbench.storage.ProjectDatabase;

/**
 * A project opened for labelling off the UI thread, with the prompt to show first already read, so the labelling
 * view can show it the moment it is built.
 */
record OpenedForLabelling(AnnotationService service, Optional<AnnotationService.PromptWork> openingPrompt) {

    /** Builds the labelling service on an open project for {@code annotator}; blocks, so call it off the UI thread. */
    static OpenedForLabelling on(ProjectDatabase database, String annotator) {
        AnnotationService service = AnnotationService.open(database, annotator);
        StartupTiming.mark("labelling service ready");
        Optional<AnnotationService.PromptWork> opening = service.openingPrompt(QueueFilter.everything());
        StartupTiming.mark("first prompt read");
        return new OpenedForLabelling(service, opening);
    }
}
