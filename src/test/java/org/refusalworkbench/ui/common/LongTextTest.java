package org.refusalworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongTextTest {

    @Test
    void shortTextIsShownWhole() {
        assertThat(LongText.forDisplay("I can't help with that.")).isEqualTo("I can't help with that.");
    }

    @Test
    void aTenMegabyteResponseIsCutAtALineBreakWithANoticeOfItsFullLength() {
        String line = "Emoji 🙅 and Arabic لا أستطيع, line after line.\n";
        String huge = line.repeat(10 * 1024 * 1024 / line.length());

        String shown = LongText.shownPart(huge);

        assertThat(shown.length()).isLessThanOrEqualTo(LongText.MAX_SHOWN_CHARS).isGreaterThan(LongText.MAX_SHOWN_CHARS / 2);
        assertThat(huge).startsWith(shown);
        assertThat(huge.charAt(shown.length())).isEqualTo('\n');
        assertThat(LongText.notice(huge)).contains(String.format("%,d", huge.length()));
    }

    @Test
    void aLongTextWithoutLineBreaksIsCutAtTheCap() {
        String huge = "x".repeat(LongText.MAX_SHOWN_CHARS * 3);

        assertThat(LongText.shownPart(huge)).hasSize(LongText.MAX_SHOWN_CHARS);
    }
}
