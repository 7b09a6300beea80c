package org.refusalworkbench.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

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
}
