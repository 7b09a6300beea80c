package org.refusalworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stats", description = "Count a project's prompts, responses, models, annotators, labels and gold labels.")
final class StatsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db", description = "The project.")
    private Path project;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        ProjectStats stats;
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            database.readOnlyNotice().ifPresent(notice -> spec.commandLine().getErr().println("note: " + notice));
            stats = database.read(ProjectStats::read);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("prompts", stats.prompts());
            object.put("responses", stats.responses());
            object.put("models", stats.models());
            object.put("annotators", stats.annotators());
            object.put("labels", stats.labels());
            object.put("intent_labels", stats.intentLabels());
            object.put("adjudications", stats.adjudications());
            object.put("labels_by_annotator", stats.responsesLabelledByAnnotator());
            out.println(JsonMapper.builder().build().writeValueAsString(object));
        } else {
            out.printf("prompts        %,d%nresponses      %,d%nmodels         %,d%nannotators     %,d%n"
                            + "labels         %,d%nintent labels  %,d%nadjudications  %,d%n",
                    stats.prompts(), stats.responses(), stats.models(), stats.annotators(), stats.labels(),
                    stats.intentLabels(), stats.adjudications());
            stats.responsesLabelledByAnnotator().forEach((name, count) ->
                    out.printf("  %-24s %,d responses labelled%n", name, count));
        }
        return 0;
    }
}
