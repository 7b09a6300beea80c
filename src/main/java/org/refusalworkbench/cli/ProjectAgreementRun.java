package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.report.EngineAgreementMeasures;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.report.ProjectAgreementJson;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.StorageException;

/** Reads a project and computes its agreement report, for {@code report agreement} and {@code agreement PROJECT}. */
record ProjectAgreementRun(ProjectAgreement report, String name, ReportOptions options) {

    static ProjectAgreementRun of(Path project, String group, List<String> annotators) throws UserInputException {
        return of(project, group, annotators, ReportOptions.defaults());
    }

    /** @param options bootstrap resamples and seed, as {@code agreement --bootstrap N --seed S} gives them */
    static ProjectAgreementRun of(Path project, String group, List<String> annotators, ReportOptions options)
            throws UserInputException {
        return of(project, group, annotators, options, false);
    }

    /** @param withJudges each judge's parsed verdicts as one more rater ({@code --with-judges}) */
    static ProjectAgreementRun of(Path project, String group, List<String> annotators, ReportOptions options,
                                  boolean withJudges) throws UserInputException {
        ProjectDatabase opened;
        try {
            opened = ProjectFiles.open(project);
        } catch (StorageException e) {
            throw new UserInputException(e.getMessage());
        }
        try (ProjectDatabase database = opened) {
            ProjectReports reports = withJudges ? ProjectReports.of(database).withJudges()
                    : ProjectReports.of(database);
            if (group != null && reports.taxonomy().group(group).isEmpty()) {
                throw new UserInputException("no group '" + group + "' in the project's taxonomy");
            }
            ProjectAgreement.Selection selection = new ProjectAgreement.Selection(
                    group == null ? Set.of() : Set.of(group), annotators == null ? Set.of() : Set.copyOf(annotators));
            return new ProjectAgreementRun(reports.agreement(new EngineAgreementMeasures(options), selection),
                    reports.projectName(), options);
        }
    }

    String json() throws JsonProcessingException {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(ProjectAgreementJson.toJson(report, name, options));
    }
}
