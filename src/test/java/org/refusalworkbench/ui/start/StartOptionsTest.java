package org.refusalworkbench.ui.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The raw arguments read before the toolkit starts must mean what JavaFX's parsed parameters mean after. */
class StartOptionsTest {

    @Test
    void namedArgumentsAndAProjectFileAreReadLikeJavaFxParameters() {
        StartOptions options = StartOptions.fromArguments(new String[] {"--annotator=ana", "projects/p.rwdb"});

        assertThat(options).isEqualTo(StartOptions.from(List.of("projects/p.rwdb"), Map.of("annotator", "ana")));
        assertThat(options.annotator()).isEqualTo("ana");
        assertThat(options.project()).isEqualTo(Path.of("projects/p.rwdb"));
        assertThat(options.skipsDialog()).isTrue();
    }

    @Test
    void reviewModeAndAValueContainingEqualsSignsAreKept() {
        StartOptions options = StartOptions.fromArguments(new String[] {"--mode=review", "--annotator=a=b", "demo"});

        assertThat(options.review()).isTrue();
        assertThat(options.annotator()).isEqualTo("a=b");
        assertThat(options.demo()).isTrue();
    }

    @Test
    void withoutAnAnnotatorTheDialogIsShown() {
        assertThat(StartOptions.fromArguments(new String[] {"p.rwdb"}).skipsDialog()).isFalse();
    }

    @Test
    void reviewAndDemoAlsoWorkAsPlainFlags() {
        StartOptions options = StartOptions.fromArguments(new String[] {"--review", "--annotator=lead", "--demo"});

        assertThat(options.review()).isTrue();
        assertThat(options.demo()).isTrue();
        assertThat(options.skipsDialog()).isTrue();
        assertThat(StartOptions.fromArguments(new String[] {"-psn_0_123", "p.db"}).project()).isEqualTo(Path.of("p.db"));
    }

    @Test
    void aMisspeltOptionIsRefusedByNameInsteadOfTakenForAProjectFile() {
        assertThatThrownBy(() -> StartOptions.fromArguments(new String[] {"--reveiw", "p.db"}))
                .isInstanceOf(StartOptions.UnknownOptionException.class)
                .hasMessageStartingWith("unknown option '--reveiw'; the app takes a project file");
        assertThatThrownBy(() -> StartOptions.fromArguments(new String[] {"--anotator=ana", "p.db"}))
                .hasMessageStartingWith("unknown option '--anotator=ana'");
        assertThatThrownBy(() -> StartOptions.fromArguments(new String[] {"--mode=reviw"}))
                .hasMessageStartingWith("--mode is review or label, not 'reviw'");
        assertThatThrownBy(() -> StartOptions.fromArguments(new String[] {"a.db", "b.db"}))
                .hasMessageStartingWith("one project at a time, got a.db, b.db");
    }
}
