package org.refusalworkbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.stage.Stage;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.ui.common.FxExecutor;
import org.refusalworkbench.ui.common.UiSetting;
import org.refusalworkbench.ui.common.UiSettings;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's main window as UI tests drive it: a data folder of its own (so the demo is fresh), settings that fit
 * Monocle's 1280×800 headless screen, and everything closed again afterwards.
 */
@SuppressWarnings("try") // closing waits for the FX thread's last save, which may be interrupted
final class TestWindow implements AutoCloseable {

    final Path dataFolder;
    final AppContext context;
    final FxExecutor executor;
    final MainWindow window;

    /** Call from {@code ApplicationTest.start}; {@code configure} may adjust the context before the window exists. */
    TestWindow(Stage stage, Consumer<AppContext> configure) throws Exception {
        this(stage, configure, settings -> {
            settings.set(UiSetting.WINDOW_WIDTH, 1240.0);
            settings.set(UiSetting.WINDOW_HEIGHT, 780.0);
            settings.set(UiSetting.WINDOW_X, 0.0);
            settings.set(UiSetting.WINDOW_Y, 0.0);
        });
    }

    /** @param remembered the settings a previous run left, before the window reads them */
    TestWindow(Stage stage, Consumer<AppContext> configure, Consumer<UiSettings> remembered) throws Exception {
        dataFolder = Files.createTempDirectory("rw-ui-test");
        System.setProperty(DataFolder.PROPERTY, dataFolder.toString());
        context = AppContext.forDesktop();
        configure.accept(context);
        executor = new FxExecutor();
        UiSettings settings = new UiSettings(dataFolder.resolve(UiSettings.FILE_NAME));
        remembered.accept(settings);
        window = new MainWindow(context, settings, executor, stage);
        stage.show();
    }

    /** Waits up to 20 s for {@code condition}, which the FX thread's work makes true. */
    static void waitUntil(java.util.function.BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
    }

    @Override
    public void close() throws Exception {
        // As the app's stop() does: what waits to be saved is written while the project is still open.
        WaitForAsyncUtils.asyncFx(window::saveBeforeClosing).get();
        FxToolkit.hideStage();
        executor.close();
        context.close();
        System.clearProperty(DataFolder.PROPERTY);
    }
}
