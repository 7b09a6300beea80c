package org.refusalworkbench.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class ReviewKeyTest {

    @Test
    void noTwoReviewActionsShareAKeyWithTheDefaultTaxonomy() {
        assertThat(ReviewKey.table(TaxonomyReader.defaultTaxonomy()).collisions()).isEmpty();
    }
}
