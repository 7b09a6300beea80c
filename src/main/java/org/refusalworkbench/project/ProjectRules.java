package org.refusalworkbench.project;

import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectSettings;

/** What a project's lead rules for everyone who labels it, read and set through the project's one writer. */
public final class ProjectRules {

    private ProjectRules() {
    }

    /** Whether a prompt is marked done only when nothing is missing or flagged; off for a new project. */
    public static boolean doneRequiresComplete(ProjectDatabase database) {
        return database.read(ProjectSettings::doneRequiresComplete);
    }

    public static void setDoneRequiresComplete(ProjectDatabase database, boolean required) {
        database.writer().run(connection -> {
            ProjectSettings.setDoneRequiresComplete(connection, required);
            return null;
        });
    }
}
