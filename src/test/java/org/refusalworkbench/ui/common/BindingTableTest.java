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
}
