package org.refusalworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class BindingTableTest {

    @Test
    void noTwoLabellingActionsShareAKeyWithTheDefaultTaxonomy() {
        BindingTable table = BindingTable.forLabelling(TaxonomyReader.defaultTaxonomy());

        assertThat(table.collisions()).isEmpty();
        assertThat(table.rows()).hasSize(KeyBinding.of(KeyBindingCategory.labelling()).size() + 19);
    }

    @Test
    void noTwoReviewActionsShareAKeyWithTheDefaultTaxonomy() {
        assertThat(BindingTable.forReview(TaxonomyReader.defaultTaxonomy()).collisions()).isEmpty();
    }

    @Test
    void theReviewSheetListsTheTextSizeKeysThatWorkThereToo() {
        assertThat(BindingTable.forReview(TaxonomyReader.defaultTaxonomy()).rows())
                .extracting(BindingTable.Row::action)
                .contains(KeyBinding.TEXT_LARGER.description(), KeyBinding.TEXT_SMALLER.description(),
                        KeyBinding.TEXT_NORMAL.description(), KeyBinding.SHOW_HELP.description())
                .doesNotContain(KeyBinding.MARK_DONE.description(), KeyBinding.NEXT_UNFINISHED.description());
    }

    @Test
    void everyBindingActsInSomeModeAndModesListenOnlyToTheirOwnCategories() {
        for (KeyBinding binding : KeyBinding.values()) {
            assertThat(KeyBindingCategory.labelling().contains(binding.category())
                    || KeyBindingCategory.review().contains(binding.category())).as(binding.name()).isTrue();
        }
        assertThat(KeyBinding.of(KeyBindingCategory.labelling())).contains(KeyBinding.MARK_DONE)
                .doesNotContain(KeyBinding.SAVE_GOLD);
        assertThat(KeyBinding.of(KeyBindingCategory.review())).contains(KeyBinding.SAVE_GOLD)
                .doesNotContain(KeyBinding.MARK_DONE);
    }

    @Test
    void plainKeyBindingsNeverFireWhileTyping() {
        for (KeyBinding binding : KeyBinding.values()) {
            if (binding.firesWhileTyping()) {
                assertThat(binding.stroke().shortcut() || binding.stroke().code().isFunctionKey()
                        || binding == KeyBinding.LEAVE_NOTE || binding == KeyBinding.LEAVE_REASON)
                        .as(binding.name()).isTrue();
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
