package org.refusalworkbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.refusalworkbench.labelfile.LabelFileException;
import org.refusalworkbench.importing.ImportException;
import org.refusalworkbench.storage.StorageException;
import org.refusalworkbench.taxonomy.InvalidTaxonomyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Problems with the user's input, and with where the files go (a full disk, a read-only folder, no permission), end
 * with one clear line on stderr and exit code 2; anything else is a bug and keeps its stack trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        if (failure instanceof ImportException || failure instanceof LabelFileException || failure instanceof StorageException
                || failure instanceof InvalidTaxonomyException || failure instanceof UserInputException
                || failure instanceof UncheckedIOException || failure instanceof CannotWriteException) {
            commandLine.getErr().println("error: " + failure.getMessage());
            return Cli.BAD_INPUT;
        }
        if (failure instanceof IOException io) {
            commandLine.getErr().println("error: " + CannotWriteException.reason(io));
            return Cli.BAD_INPUT;
        }
        failure.printStackTrace(commandLine.getErr());
        return 1;
    }
}
