package org.refusalworkbench.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.RaterCoverage;
import org.refusalworkbench.domain.ResponseColumns;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.CalibrationBreakdown;
import org.refusalworkbench.report.CalibrationReport;
import org.refusalworkbench.report.Consensus;
import org.refusalworkbench.report.FinalLabels;
import org.refusalworkbench.report.JudgeReport;
import org.refusalworkbench.report.PairedComparison;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.JudgeComparisonColumns;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.JudgementQuery;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.storage.PromptNames;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.ResponseTypes;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;
import org.refusalworkbench.taxonomy.TaxonomyRoles;

/**
 * The reports of one project, each read and computed here once, so {@code report …} and {@code agreement PROJECT}
 * on the command line and the review workspace's dashboards show the same figures. Every method reads on the
 * caller's thread: call them off the UI thread.
 */
public final class ProjectReports {

    private final ProjectDatabase database;
    private final Taxonomy taxonomy;

    private final boolean withJudges;

    ProjectReports(ProjectDatabase database, Taxonomy taxonomy) {
        this(database, taxonomy, false);
    }

    private ProjectReports(ProjectDatabase database, Taxonomy taxonomy, boolean withJudges) {
        this.database = database;
        this.taxonomy = taxonomy;
        this.withJudges = withJudges;
    }

    /**
     * The same reports with each judge's parsed verdicts as one more rater, named {@code judge:NAME@VERSION}, in
     * the agreement, the majorities and so the final labels and calibration ({@code --with-judges}). A judge
     * answered only the groups it ever chose in; an unparsed output is no vote. The judge report is unchanged.
     */
    public ProjectReports withJudges() {
        return new ProjectReports(database, taxonomy, true);
    }

    /** The rater name a judge has among the annotators when the reports take judges in. */
    public static String raterName(Judge judge) {
        return "judge:" + judge.label();
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

    /**
     * Every response's labels and gold label, in project order: what every report is computed from; with
     * {@link #withJudges()}, the judges' parsed verdicts as raters too.
     */
    public List<ResponseJudgements> judgements() {
        List<ResponseJudgements> people = database.read(JudgementQuery::all);
        return withJudges ? withJudgesAsRaters(people, judgeVerdicts()) : people;
    }

    private static List<ResponseJudgements> withJudgesAsRaters(List<ResponseJudgements> people,
                                                               Map<Judge, Map<Long, JudgeVerdict>> judges) {
        Map<String, Set<String>> groupsChosen = new HashMap<>();
        judges.forEach((judge, verdicts) -> {
            Set<String> groups = new HashSet<>();
            verdicts.values().stream().filter(JudgeVerdict::parsed).forEach(verdict -> verdict.selections().asMap()
                    .forEach((group, options) -> {
                        if (!options.isEmpty()) {
                            groups.add(group);
                        }
                    }));
            groupsChosen.put(raterName(judge), groups);
        });
        List<ResponseJudgements> combined = new ArrayList<>(people.size());
        RaterCoverage shared = null;
        RaterCoverage extended = null;
        for (ResponseJudgements response : people) {
            Map<String, Selections> raters = new LinkedHashMap<>(
                    response.byAnnotator());
            judges.forEach((judge, verdicts) -> {
                JudgeVerdict verdict = verdicts.get(response.responseId());
                if (verdict != null && verdict.parsed()) {
                    raters.put(raterName(judge), verdict.selections());
                }
            });
            // Responses share one coverage object: extend it once, not once per response.
            if (response.coverage() != shared) {
                shared = response.coverage();
                extended = shared.withRatersOfChosenGroups(groupsChosen);
            }
            combined.add(new ResponseJudgements(response.responseId(), response.promptId(), response.model(),
                    response.sample(), response.safety(), raters, response.gold(), response.goldBy(), extended));
        }
        return combined;
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

    /**
     * Every judge against a reference ({@code final}, {@code annotator:NAME} or {@code judge:NAME}) on one
     * single-choice response group, the response type when {@code groupId} is null. Everything is read from one
     * snapshot on a connection of its own, as columns of the group's options only ({@link JudgeComparisonColumns}).
     *
     * @throws IllegalArgumentException for an unknown reference, annotator or group, a group that is not single
     *                                  choice, or (for the default group) a taxonomy without response-type roles
     */
    public JudgeResults judges(String against, String groupId, ReportOptions options) {
        Optional<ResponseTypes> responseTypes = taxonomy.roles().responseTypes();
        TaxonomyGroup group = groupId == null
                ? responseTypes.orElseThrow(() -> new IllegalArgumentException("the judge report compares response"
                + " types by default, but " + TaxonomyRoles.NO_RESPONSE_TYPES + "; name a group with --group"))
                .group()
                : taxonomy.group(groupId).orElseThrow(() -> new IllegalArgumentException("no group '" + groupId
                + "' in the taxonomy (groups: " + String.join(", ", taxonomy.groups(GroupLevel.RESPONSE).stream()
                .map(TaxonomyGroup::id).toList()) + ")"));
        if (group.level() != GroupLevel.RESPONSE || !group.isSingleChoice()) {
            throw new IllegalArgumentException("the judge report compares one option per response, but group '"
                    + group.id() + "' is " + (group.level() != GroupLevel.RESPONSE ? "a prompt group"
                    : "multiple choice"));
        }
        ResponseTypes types = responseTypes.filter(roles -> roles.group().id().equals(group.id())).orElse(null);
        List<String> classes = group.options().stream().map(TaxonomyOption::id).toList();
        String annotator = against.strip().startsWith("annotator:") ? against.strip().substring(
                "annotator:".length()) : null;
        if (annotator != null && !annotator.isEmpty()
                && database.read(connection -> Annotators.find(connection, annotator)) == null) {
            throw new IllegalArgumentException("no annotator '" + annotator + "' in the project");
        }
        boolean conditioned = !group.appliesWhen().isEmpty();
        JudgeComparisonColumns.Columns columns = JudgeComparisonColumns.read(database, group.id(), classes,
                annotator, conditioned && against.strip().equals("final"));
        JudgeReport.Reference reference = JudgeReport.Reference.parse(against, columns.judges().keySet());
        int[] codes;
        if (reference instanceof JudgeReport.AnnotatorReference) {
            codes = columns.annotator();
        } else if (reference instanceof JudgeReport.JudgeReference judge) {
            codes = columns.judges().get(judge.judge());
        } else if (conditioned) {
            codes = consensusCodes(columns.wholeLabels(), columns.responses(), group, classes);
        } else {
            codes = JudgeReport.finalCodes(columns.gold(), columns.votes(), classes.size());
        }
        JudgeReport.Comparison comparison = new JudgeReport.Comparison(columns.responses(), group.id(), classes,
                reference, codes, columns.judges());
        return new JudgeResults(reference, JudgeReport.compute(comparison, types, options));
    }

    /**
     * The final label's option per response for a group with a condition (refusal type, asked only where the
     * response type is a refusal): who takes part depends on each rater's whole label, so this decides from whole
     * labels, as every other report does.
     */
    private static int[] consensusCodes(List<ResponseJudgements> judgements, ResponseColumns
            responses, TaxonomyGroup group, List<String> classes) {
        int[] codes = new int[responses.size()];
        Arrays.fill(codes, ResponseColumns.NONE);
        for (ResponseJudgements response : judgements) {
            int row = responses.rowOf(response.responseId());
            Consensus.Decision decision = Consensus.decide(response, group);
            if (row >= 0 && decision.isDecided() && decision.options().size() == 1) {
                codes[row] = classes.indexOf(decision.options().iterator().next());
            }
        }
        return codes;
    }

    /** Every judge's verdicts, by judge in the order they were first saved, each by response id. */
    public Map<Judge, Map<Long, JudgeVerdict>> judgeVerdicts() {
        return database.read(JudgeLabels::all);
    }

    /** The judge report and what it compared the judges with. */
    public record JudgeResults(JudgeReport.Reference reference, List<JudgeReport.JudgeFigures> figures) {
    }

    /** A side of a comparison: a model, and whose labels count for it ({@code final} or {@code judge:LABEL}). */
    public record ComparedModel(String model, String source) {
        public static ComparedModel parse(String model, String source) {
            return new ComparedModel(model.strip(), source == null || source.isBlank()
                    ? PairedComparison.Side.FINAL : source.strip());
        }
    }

    /**
     * Two models (or one model under two label sources) on the prompts both answered: the 2×2 table, McNemar's
     * exact test and a bootstrap interval per subset ({@link PairedComparison}).
     *
     * @throws IllegalArgumentException for a model not in the project, an unknown judge, or a group not labelled
     */
    public PairedComparison compare(ComparedModel first, ComparedModel second, PairedComparison.Request request) {
        List<ResponseJudgements> people = database.read(JudgementQuery::all);
        Set<String> models = new java.util.TreeSet<>();
        people.forEach(response -> models.add(response.model()));
        for (ComparedModel side : List.of(first, second)) {
            if (!models.contains(side.model())) {
                throw new IllegalArgumentException("no model '" + side.model() + "' in the project (models: "
                        + String.join(", ", models) + ")");
            }
        }
        if (first.equals(second)) {
            throw new IllegalArgumentException("both sides are " + first.model() + " under " + first.source()
                    + ": compare two models, or one model under two label sources");
        }
        Map<Judge, Map<Long, JudgeVerdict>> verdicts = null;
        List<PairedComparison.Side> sides = new ArrayList<>();
        for (ComparedModel side : List.of(first, second)) {
            if (side.source().equals(PairedComparison.Side.FINAL)) {
                List<ResponseJudgements> responses = withJudges ? judgements() : people;
                sides.add(new PairedComparison.Side(side.model(), side.source(), responses,
                        FinalLabels.of(responses, taxonomy)));
                continue;
            }
            if (verdicts == null) {
                verdicts = judgeVerdicts();
            }
            String label = side.source().startsWith("judge:") ? side.source().substring("judge:".length()) : null;
            Judge judge = verdicts.keySet().stream().filter(j -> j.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no label source '" + side.source() + "': use"
                            + " 'final' or one of the project's judges (" + String.join(", ", judgeNames()) + ")"));
            sides.add(judgeSide(side, judge, people, verdicts.get(judge)));
        }
        Map<Long, String> categories = database.read(JudgeLabels::categories);
        return PairedComparison.compute(sides.get(0), sides.get(1), taxonomy.roles().responseTypes(), categories,
                request);
    }

    private List<String> judgeNames() {
        return judgeVerdicts().keySet().stream().map(judge -> "judge:" + judge.label()).toList();
    }

    /** A model's responses labelled by one judge alone: its parsed verdict is the one vote, with no gold label. */
    private PairedComparison.Side judgeSide(ComparedModel side, Judge judge, List<ResponseJudgements> people,
                                            Map<Long, JudgeVerdict> verdicts) {
        String rater = raterName(judge);
        List<ResponseJudgements> responses = new ArrayList<>();
        for (ResponseJudgements response : withJudgesAsRaters(people, Map.of(judge, verdicts))) {
            Selections verdict = response.byAnnotator().get(rater);
            responses.add(response.withLabels(verdict == null ? Map.of() : Map.of(rater, verdict)).withoutGold());
        }
        return new PairedComparison.Side(side.model(), side.source(), responses, FinalLabels.of(responses, taxonomy));
    }

    /** How each model refuses on safe and unsafe prompts, by the final labels. */
    public CalibrationReport calibration() {
        return CalibrationReport.compute(judgements(), taxonomy);
    }

    /** The calibration report per prompt category or safety label, under the whole project's final-label rule. */
    public CalibrationBreakdown calibration(CalibrationBreakdown.Dimension by) {
        return CalibrationBreakdown.compute(judgements(), taxonomy, by, by == CalibrationBreakdown.Dimension.CATEGORY
                ? database.read(JudgeLabels::categories) : Map.of());
    }

    /** Each prompt's name in reports: its id in the imported file, else {@code #N}. */
    public Map<Long, String> promptNames() {
        return database.read(PromptNames::all);
    }

    /** Each response's final label per group: gold where adjudicated, otherwise the annotators' majority. */
    public FinalLabelList finalLabels() {
        List<ResponseJudgements> judgements = judgements();
        return new FinalLabelList(database, judgements, FinalLabels.of(judgements, taxonomy));
    }
}
