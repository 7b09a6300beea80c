package org.refusalworkbench.cli;

/** A command given values it cannot use. */
final class UserInputException extends Exception {
    UserInputException(String message) {
        super(message);
    }
}
