package org.refusalworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.refusalworkbench.project.DataFolder;

class UiSettingsTest {

    @TempDir
    Path folder;

    @Test
    void everySettingHasItsDefaultUntilSetAndASetValueIsReadBackByTheNextStart() {
        Path file = folder.resolve("profile").resolve(UiSettings.FILE_NAME);
        UiSettings first = new UiSettings(file);
        assertThat(first.get(UiSetting.BLIND)).isTrue();
        assertThat(first.get(UiSetting.TEXT_SIZE)).isEqualTo(TextSize.NORMAL);
        assertThat(first.get(UiSetting.WINDOW_WIDTH)).isNaN();
        assertThat(first.get(UiSetting.QUEUE_DIVIDER)).isEqualTo(0.2);

        first.set(UiSetting.BLIND, false);
        first.set(UiSetting.TEXT_SIZE, TextSize.values()[TextSize.values().length - 1]);
        first.set(UiSetting.WINDOW_WIDTH, 1366.0);
        first.setAnnotator("ann-1");
        first.addRecentProject(file);

        UiSettings next = new UiSettings(file);
        assertThat(next.get(UiSetting.BLIND)).isFalse();
        assertThat(next.get(UiSetting.TEXT_SIZE)).isEqualTo(TextSize.values()[TextSize.values().length - 1]);
        assertThat(next.get(UiSetting.WINDOW_WIDTH)).isEqualTo(1366.0);
        assertThat(next.annotator()).isEqualTo("ann-1");
        assertThat(next.recentProjects()).containsExactly(file.toAbsolutePath());
    }

    @Test
    void aValueThatNoLongerReadsGivesTheDefaultInsteadOfFailingTheStart() throws Exception {
        Path file = folder.resolve(UiSettings.FILE_NAME);
        Files.writeString(file, "text.size=ENORMOUS\nqueue.divider=wide\nblind=perhaps\n", StandardCharsets.UTF_8);
        UiSettings settings = new UiSettings(file);
        assertThat(settings.get(UiSetting.TEXT_SIZE)).isEqualTo(TextSize.NORMAL);
        assertThat(settings.get(UiSetting.QUEUE_DIVIDER)).isEqualTo(0.2);
        assertThat(settings.get(UiSetting.BLIND)).as("Boolean.valueOf reads anything but true as false").isFalse();
    }

    @Test
    void theUsersSettingsLiveInTheirDataFolderSoASecondProfileHasItsOwn() {
        String before = System.getProperty(DataFolder.PROPERTY);
        try {
            System.setProperty(DataFolder.PROPERTY, folder.resolve("one").toString());
            UiSettings one = UiSettings.forUser();
            one.setAnnotator("first-profile");
            System.setProperty(DataFolder.PROPERTY, folder.resolve("two").toString());
            UiSettings two = UiSettings.forUser();

            assertThat(one.file()).isEqualTo(folder.resolve("one").resolve(UiSettings.FILE_NAME));
            assertThat(Files.exists(one.file())).isTrue();
            assertThat(two.annotator()).isNotEqualTo("first-profile");
        } finally {
            if (before == null) {
                System.clearProperty(DataFolder.PROPERTY);
            } else {
                System.setProperty(DataFolder.PROPERTY, before);
            }
        }
    }

    @Test
    void anEarlierReleasesPreferencesAreTakenOverOnceWithoutOverwritingTheFile() throws Exception {
        Preferences earlier = Preferences.userRoot().node("rw-settings-test-" + System.nanoTime());
        earlier.put("annotator", "from-preferences");
        earlier.putBoolean("blind", false);
        earlier.put("text.size", TextSize.values()[0].name());
        Path file = folder.resolve(UiSettings.FILE_NAME);
        Files.writeString(file, "text.size=NORMAL\n", StandardCharsets.UTF_8);
        try {
            UiSettings settings = new UiSettings(file);
            settings.adopt(earlier);

            assertThat(settings.annotator()).isEqualTo("from-preferences");
            assertThat(settings.get(UiSetting.BLIND)).isFalse();
            assertThat(settings.get(UiSetting.TEXT_SIZE)).as("the file's own value stays").isEqualTo(TextSize.NORMAL);
            assertThat(new UiSettings(file).annotator()).as("taken over into the file").isEqualTo("from-preferences");
        } finally {
            earlier.removeNode();
        }
    }
}
