package org.refusalworkbench.ui;

import java.lang.management.ManagementFactory;

import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.common.AfterFrame;

/**
 * For the start-up benchmark only: with {@code -Drefusalworkbench.exitAfterFirstPrompt=true} the app prints how long
 * after the JVM started the first prompt was on screen (the first frame drawn after it arrived) and quits.
 */
final class StartupTiming {

    static final String PROPERTY = "refusalworkbench.exitAfterFirstPrompt";

    private StartupTiming() {
    }

    /** Prints how long after the JVM started a start-up step was reached, when timing is on. */
    static void mark(String step) {
        if (Boolean.getBoolean(PROPERTY)) {
            System.out.println(step + " " + sinceJvmStart() + " ms after the JVM started");
        }
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static void reportFirstPrompt(AnnotationViewModel workspace) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        workspace.promptProperty().addListener((observable, old, prompt) -> {
            if (prompt != null && old == null) {
                mark("first prompt loaded");
                AfterFrame.next(() -> {
                    System.out.println("first prompt on screen " + sinceJvmStart() + " ms after the JVM started");
                    System.out.flush();
                    System.exit(0);
                });
            }
        });
    }
}
