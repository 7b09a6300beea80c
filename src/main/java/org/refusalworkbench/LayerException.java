package org.refusalworkbench;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a class the architecture rules let cross a layer boundary, with the reason it must. Kept in the class
 * files, where the rules read it, and nowhere at run time.
 */
@Retention(CLASS)
@Target(TYPE)
public @interface LayerException {

    /** Why this class cannot keep to its layer; reviewed whenever the class changes. */
    String reason();
}
