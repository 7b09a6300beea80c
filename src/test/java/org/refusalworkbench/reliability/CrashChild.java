package org.refusalworkbench.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.labelfile.LabelMerger;
import org.refusalworkbench.labelfile.OptionMapping;
import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;

/**
 * Runs in a child process that the crash test kills with SIGKILL. {@code label}: saves labels one transaction at
 * a time through the writer thread, as the workspace does, and prints "saved RESPONSE OPTION" once each commit has
 * returned; each save carries its sequence number as the note, so the test can tell which write it sees.
 * {@code import} and {@code merge}: print "opened" once the project is open, import a response file or merge a
 * label file, and print when committed; {@code backup}: the same for a copy to a file.
 */
public final class CrashChild {

    private static final String[] TYPES = {"full_compliance", "full_refusal", "partial_refusal"};

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[1]);
        ProjectDatabase database = ProjectFiles.open(project);
        if (!args[0].equals("label")) {
            System.out.println("opened");
            System.out.flush();
        }
        if (args[0].equals("merge")) {
            new LabelMerger(database).merge(List.of(Path.of(args[2])), OptionMapping.NONE, Progress.NONE);
            System.out.println("merged");
            System.out.flush();
            Thread.sleep(60_000);
            return;
        }
        if (args[0].equals("backup")) {
            Backups.copy(database, Path.of(args[2]));
            System.out.println("backed up");
            System.out.flush();
            Thread.sleep(60_000);
            return;
        }
        if (args[0].equals("import")) {
            new ResponseImporter(database).importFiles(List.of(Path.of(args[2])), ImportFormat.NATIVE, null,
                    ResponseImporter.Progress.NONE);
            System.out.println("imported");
            System.out.flush();
            Thread.sleep(60_000);
            return;
        }
        long responses = database.read(c -> {
            try (var statement = c.createStatement(); var rows = statement.executeQuery("SELECT max(id) FROM response")) {
                rows.next();
                return rows.getLong(1);
            }
        });
        String annotator = args[2];
        for (long i = 0; ; i++) {
            long response = 1 + i % responses;
            String type = typeAt(i, responses);
            String note = Long.toString(i);
            database.writer().run(c -> LabelStore.save(c, LabelKind.RESPONSE_LABEL, response,
                    Annotators.idFor(c, annotator), Selections.of(Map.of("response_type", List.of(type))), note,
                    ChangeSource.APP));
            System.out.println("saved " + response + " " + i);
            System.out.flush();
        }
    }

    static String typeAt(long sequence, long responses) {
        return TYPES[(int) (sequence / responses % TYPES.length)];
    }

    private CrashChild() {
    }
}
