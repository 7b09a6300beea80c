package org.refusalworkbench.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyProperty;
import javafx.beans.value.WritableValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.project.AnnotationService;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.common.SameThreadExecutor;

/**
 * A property a view model hands out as read-only is read-only: a view cannot cast it back and write it, so every
 * change still goes through the view model (and is saved and undoable).
 */
class ReadOnlyPropertiesTest {

    @TempDir
    Path folder;
    private ProjectDatabase database;

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void noViewModelHandsOutAWritablePropertyTypedAsReadOnly() throws Exception {
        database = ProjectFiles.open(new DemoProject(folder, "test").ensure());
        AnnotationViewModel workspace = new AnnotationViewModel(AnnotationService.open(database, "tester"),
                new SameThreadExecutor());
        workspace.start();
        assertThat(workspace.columns()).isNotEmpty();

        List<String> writable = new ArrayList<>();
        int checked = check(workspace, writable) + check(workspace.queue(), writable)
                + check(workspace.columns().get(0), writable);

        assertThat(checked).as("read-only properties found").isGreaterThanOrEqualTo(10);
        assertThat(writable).isEmpty();
    }

    /** Calls every public getter typed as a read-only property; returns how many there were. */
    private static int check(Object viewModel, List<String> writable) throws Exception {
        int checked = 0;
        for (Method method : viewModel.getClass().getMethods()) {
            if (method.getParameterCount() == 0 && method.getReturnType().getSimpleName().startsWith("ReadOnly")
                    && ReadOnlyProperty.class.isAssignableFrom(method.getReturnType())) {
                checked++;
                if (method.invoke(viewModel) instanceof WritableValue<?>) {
                    writable.add(viewModel.getClass().getSimpleName() + "." + method.getName());
                }
            }
        }
        return checked;
    }
}
