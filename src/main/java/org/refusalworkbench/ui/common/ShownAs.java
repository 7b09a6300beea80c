package org.refusalworkbench.ui.common;

import java.util.function.Function;

import javafx.util.StringConverter;

/** How a picker shows values it holds as ids: one way only, since the pickers are not editable. */
public final class ShownAs {

    private ShownAs() {
    }

    public static <T> StringConverter<T> text(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("the picker is not editable");
            }
        };
    }
}
