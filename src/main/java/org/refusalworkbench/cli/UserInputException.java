package org.refusalworkbench.cli;

/** A command given values it cannot use. */
final class UserInputException extends Exception {
    private static final long serialVersionUID = 1L;
    UserInputException(String message) {
        super(message);
    }
}
