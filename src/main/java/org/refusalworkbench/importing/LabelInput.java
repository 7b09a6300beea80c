package org.refusalworkbench.importing;

import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.bulk.BulkLabel;

/** Selections and a note carried by an input file, for one annotator (or the reviewer of a gold label). */
public record LabelInput(String person, Selections selections, String text) implements BulkLabel {
}
