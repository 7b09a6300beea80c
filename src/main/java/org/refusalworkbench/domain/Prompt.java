package org.refusalworkbench.domain;

/**
 * A request put to the models. {@code uid} is a content hash, the same on every workstation; {@code id} is the
 * row number inside one project file.
 */
public record Prompt(long id, String uid, String externalId, String text, String category, SafetyLabel safety,
                     String metaJson) {
}
