package org.refusalworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class BindingTableTest {

    @Test
    void noTwoActionsShareAKeyWithTheDefaultTaxonomy() {
        BindingTable table = BindingTable.of(TaxonomyReader.defaultTaxonomy());

        assertThat(table.collisions()).isEmpty();
        assertThat(table.rows()).hasSize(KeyBinding.values().length + 19);
    }

    @Test
    void plainKeyBindingsNeverFireWhileTyping() {
        for (KeyBinding binding : KeyBinding.values()) {
            if (binding.firesWhileTyping()) {
                assertThat(binding.stroke().shortcut() || binding.stroke().code().isFunctionKey()
                        || binding == KeyBinding.LEAVE_NOTE).as(binding.name()).isTrue();
            }
        }
    }

    @Test
    void keysAreNamedAsPrintedOnTheKeyboard() {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name", "").toLowerCase().contains("mac"));

        assertThat(KeyBinding.TEXT_LARGER.stroke().displayText()).isEqualTo("Ctrl+=");
        assertThat(KeyBinding.TEXT_SMALLER.stroke().displayText()).isEqualTo("Ctrl+-");
        assertThat(KeyBinding.REDO.stroke().displayText()).isEqualTo("Ctrl+Shift+Z");
        assertThat(KeyBinding.NEXT_PROMPT.stroke().displayText()).isEqualTo("Page Down");
        assertThat(KeyBinding.LEAVE_NOTE.stroke().displayText()).isEqualTo("Esc");
        assertThat(KeyBinding.NEXT_COLUMN.stroke().displayText()).isEqualTo("Tab");
    }
}
