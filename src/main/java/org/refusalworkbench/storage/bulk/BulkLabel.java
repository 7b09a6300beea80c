package org.refusalworkbench.storage.bulk;

import org.refusalworkbench.domain.Selections;

/** Selections and a note that came with an imported record, for one annotator (or the reviewer of a gold label). */
public interface BulkLabel {

    String person();

    Selections selections();

    String text();
}
