package org.refusalworkbench.project;

import java.util.List;
import java.util.Map;

import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.CalibrationReport;
import org.refusalworkbench.report.FinalLabels;
import org.refusalworkbench.report.JudgeReport;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.JudgementQuery;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.taxonomy.ResponseTypes;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyRoles;

/**
 * The reports of one project, each read and computed here once, so {@code report …} and {@code agreement PROJECT}
 * on the command line and the review workspace's dashboards show the same figures. Every method reads on the
 * caller's thread: call them off the UI thread.
 */
public final class ProjectReports {

    private final ProjectDatabase database;
    private final Taxonomy taxonomy;

    ProjectReports(ProjectDatabase database, Taxonomy taxonomy) {
        this.database = database;
        this.taxonomy = taxonomy;
    }

    /** Reports against the project's current taxonomy, which this reads now. */
    public static ProjectReports of(ProjectDatabase database) {
        return new ProjectReports(database, database.read(ProjectSetup::currentTaxonomy));
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public String projectName() {
        return database.read(ProjectSetup::projectName);
    }

    /** Every response's labels and gold label, in project order: what every report is computed from. */
    public List<ResponseJudgements> judgements() {
        return database.read(JudgementQuery::all);
    }

    /** How far the annotators agree, over the groups and annotators {@code selection} keeps. */
    public ProjectAgreement agreement(AgreementMeasures measures, ProjectAgreement.Selection selection) {
        return agreement(judgements(), measures, selection);
    }

    /**
     * The same report from judgements already read, for a caller that computes it twice from one read (figures
     * first, bootstrap intervals after).
     */
    public ProjectAgreement agreement(List<ResponseJudgements> judgements, AgreementMeasures measures,
                                      ProjectAgreement.Selection selection) {
        return ProjectAgreement.compute(judgements, taxonomy, measures, selection);
    }

    /** How each model refuses on safe and unsafe prompts, by the final labels. */
    /**
     * Every judge against a reference ({@code final}, {@code annotator:NAME} or {@code judge:NAME}) on the response
     * type.
     *
     * @throws IllegalArgumentException when the taxonomy declares no response-type roles
     */
    public JudgeResults judges(String against, ReportOptions options) {
        ResponseTypes types = taxonomy.roles().responseTypes().orElseThrow(() -> new IllegalArgumentException(
                "the judge report compares response types, but " + TaxonomyRoles.NO_RESPONSE_TYPES));
        Map<Judge, Map<Long, JudgeVerdict>> judges = database.read(JudgeLabels::all);
        JudgeReport.Reference reference = JudgeReport.Reference.parse(against, judges);
        Map<Long, String> categories = database.read(JudgeLabels::categories);
        return new JudgeResults(reference, JudgeReport.compute(judgements(), types, judges, reference, categories,
                options));
    }

    /** The judge report and what it compared the judges with. */
    public record JudgeResults(JudgeReport.Reference reference, List<JudgeReport.JudgeFigures> figures) {
    }

    public CalibrationReport calibration() {
        return CalibrationReport.compute(judgements(), taxonomy);
    }

    /** Each response's final label per group: gold where adjudicated, otherwise the annotators' majority. */
    public FinalLabelList finalLabels() {
        List<ResponseJudgements> judgements = judgements();
        return new FinalLabelList(database, judgements, FinalLabels.of(judgements, taxonomy));
    }
}
