package org.refusalworkbench.ui.common;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * The app's one key dispatch, used by labelling and review alike: a fixed binding of the mode's categories first,
 * then a taxonomy option's one-key hotkey, and {@code ?} or F1 for the key sheet. While the focus is in a text
 * field only bindings that {@linkplain KeyBinding#firesWhileTyping() fire while typing} act, so typing stays typing.
 */
public final class KeyDispatcher {

    /** What a mode does with one of its bindings; false when it does nothing now, so the key goes on. */
    @FunctionalInterface
    public interface Actions {
        boolean run(KeyBinding binding, boolean typing);
    }

    private final List<KeyBinding> bindings;
    private final BooleanSupplier active;
    private final Actions actions;
    private final Predicate<Character> hotkey;
    /** Opens the sheets every mode shares: the key sheet and the taxonomy guide. */
    private final Consumer<KeyBinding> general;

    private KeyDispatcher(Set<KeyBindingCategory> categories, BooleanSupplier active, Actions actions,
                          Predicate<Character> hotkey, Consumer<KeyBinding> general) {
        this.bindings = KeyBinding.of(categories);
        this.active = active;
        this.actions = actions;
        this.hotkey = hotkey;
        this.general = general;
    }

    /**
     * Listens on {@code scene} while {@code active} says so: a replaced view's filters stay on the scene and must
     * no longer act. {@code hotkey} is offered a plain letter or digit and says whether it used it.
     */
    public static void install(Scene scene, Set<KeyBindingCategory> categories, BooleanSupplier active,
                               Actions actions, Predicate<Character> hotkey, Consumer<KeyBinding> general) {
        KeyDispatcher dispatcher = new KeyDispatcher(categories, active, actions, hotkey, general);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, dispatcher::pressed);
        scene.addEventFilter(KeyEvent.KEY_TYPED, dispatcher::typed);
    }

    private void pressed(KeyEvent event) {
        if (!active.getAsBoolean()) {
            return;
        }
        boolean typing = typing(event);
        for (KeyBinding binding : bindings) {
            if (binding.matches(event) && (!typing || binding.firesWhileTyping())) {
                if (binding.category() == KeyBindingCategory.GENERAL) {
                    general.accept(binding);
                    event.consume();
                } else if (actions.run(binding, typing)) {
                    event.consume();
                }
                return;
            }
        }
        if (typing || event.isShortcutDown() || event.isAltDown() || event.isControlDown() || event.isMetaDown()
                || event.isShiftDown()) {
            return;
        }
        String key = event.getCode().getChar();
        if ((event.getCode().isLetterKey() || event.getCode().isDigitKey()) && key.length() == 1
                && hotkey.test(key.charAt(0))) {
            event.consume();
        }
    }

    private void typed(KeyEvent event) {
        if (active.getAsBoolean() && "?".equals(event.getCharacter()) && !typing(event)) {
            event.consume();
            general.accept(KeyBinding.SHOW_HELP);
        }
    }

    private static boolean typing(KeyEvent event) {
        Object source = event.getSource();
        Node focus = source instanceof Scene scene ? scene.getFocusOwner() : null;
        return focus instanceof TextInputControl;
    }
}
