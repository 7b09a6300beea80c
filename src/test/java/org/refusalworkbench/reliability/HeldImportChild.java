package org.refusalworkbench.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;

/**
 * Runs in a child process: the command-line import of a response file (rollback journal, one transaction), held
 * open midway until a line, or the end, arrives on standard input, so a test can run other commands while it is
 * certainly in progress. Prints "importing" once the transaction holds its lock and "imported" after the commit.
 */
public final class HeldImportChild {

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        AtomicBoolean held = new AtomicBoolean();
        try (ProjectDatabase database = ProjectFiles.open(Path.of(args[0]))) {
            // The progress callback runs on the import's reading thread; while it blocks, the transaction waits
            // for more records with its lock held.
            ResponseImporter.forCommandLine(database).importFiles(List.of(Path.of(args[1])), null, null,
                    (done, total) -> {
                        if (done < total && held.compareAndSet(false, true)) {
                            System.out.println("importing");
                            System.out.flush();
                            try {
                                in.readLine();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
        }
        System.out.println("imported");
        System.out.flush();
    }

    private HeldImportChild() {
    }
}
