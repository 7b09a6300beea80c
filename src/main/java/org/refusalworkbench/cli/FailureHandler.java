package org.refusalworkbench.cli;

import java.io.UncheckedIOException;

import org.refusalworkbench.export.LabelFileException;
import org.refusalworkbench.importing.ImportException;
import org.refusalworkbench.storage.StorageException;
import org.refusalworkbench.taxonomy.InvalidTaxonomyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Problems with the user's input end with one clear line on stderr and exit code 2; anything else is a bug and
 * keeps its stack trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        if (failure instanceof ImportException || failure instanceof LabelFileException || failure instanceof StorageException
                || failure instanceof InvalidTaxonomyException || failure instanceof UserInputException
                || failure instanceof UncheckedIOException) {
            commandLine.getErr().println("error: " + failure.getMessage());
            return Cli.BAD_INPUT;
        }
        failure.printStackTrace(commandLine.getErr());
        return 1;
    }
}
