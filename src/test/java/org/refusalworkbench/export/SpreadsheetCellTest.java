package org.refusalworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"})
    void textAFormulaWouldStartWithGetsALeadingApostrophe(String value) {
        assertThat(SpreadsheetCell.neutralise(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a=b", "1-2", "'quoted"})
    void otherTextIsLeftAsItIs(String value) {
        assertThat(SpreadsheetCell.neutralise(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a,b|\"a,b\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
            "plain|plain"})
    void cellsAreQuotedWhenTheyNeedIt(String value, String cell) {
        assertThat(SpreadsheetCell.of(value)).isEqualTo(cell);
    }

    @org.junit.jupiter.api.Test
    void aMultiLineNoteStaysOneQuotedCell() {
        assertThat(SpreadsheetCell.of("line one\nline two")).isEqualTo("\"line one\nline two\"");
    }
}
