package org.refusalworkbench.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.OptionRef;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyRule;

/**
 * The taxonomy's rules as one SQL condition on a label {@code l} of a response {@code r}: true when the label breaks
 * a rule, exactly as {@link org.refusalworkbench.taxonomy.RuleChecker} would flag it. Lets the queue filter flagged
 * prompts inside SQLite instead of loading every label.
 */
final class RuleFlagSql {

    private final String condition;

    RuleFlagSql(Taxonomy taxonomy) {
        List<String> broken = new ArrayList<>();
        for (TaxonomyRule rule : taxonomy.rules()) {
            String when = has(rule.when());
            switch (rule.kind()) {
                case REQUIRES_ANY -> broken.add(when + " AND NOT (" + anyOf(rule.then()) + ")");
                case EXCLUDES -> broken.add(when + " AND (" + anyOf(rule.then()) + ")");
                case REQUIRES_MULTI_TURN -> broken.add(when + " AND (r.transcript_json IS NULL OR (SELECT count(*)"
                        + " FROM json_each(r.transcript_json) j WHERE json_extract(j.value, '$.role') <> 'user') < 2)");
                default -> throw new IllegalStateException("unknown rule kind " + rule.kind());
            }
        }
        for (TaxonomyGroup group : taxonomy.groups(GroupLevel.RESPONSE)) {
            if (group.appliesWhen().isEmpty()) {
                continue;
            }
            List<String> conditions = new ArrayList<>();
            for (Map.Entry<String, Set<String>> entry : group.appliesWhen().entrySet()) {
                conditions.add("(" + anyOf(entry.getValue().stream().sorted()
                        .map(option -> new OptionRef(entry.getKey(), option)).toList()) + ")");
            }
            broken.add("EXISTS (SELECT 1 FROM label_selection s WHERE s.label_id = l.id AND s.group_id = "
                    + literal(group.id()) + ") AND NOT (" + String.join(" AND ", conditions) + ")");
        }
        condition = broken.isEmpty() ? "0" : "(" + String.join(") OR (", broken) + ")";
    }

    String brokenLabelCondition() {
        return condition;
    }

    private static String anyOf(List<OptionRef> options) {
        return options.isEmpty() ? "0" : String.join(" OR ", options.stream().map(RuleFlagSql::has).toList());
    }

    private static String has(OptionRef option) {
        return "EXISTS (SELECT 1 FROM label_selection s WHERE s.label_id = l.id AND s.group_id = "
                + literal(option.groupId()) + " AND s.option_id = " + literal(option.optionId()) + ")";
    }

    /** Taxonomy ids come from a file a team may have written; quoting them keeps the SQL well-formed. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
