package org.refusalworkbench.export;

import java.util.Set;
import java.util.stream.Collectors;

import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.OptionRef;
import org.refusalworkbench.taxonomy.OptionRole;
import org.refusalworkbench.taxonomy.ResponseTypes;
import org.refusalworkbench.taxonomy.TaxonomyRoles;

/**
 * Which responses to a prompt are better than which, from one judgement, read through the taxonomy's roles. On a
 * safe prompt an answer (not flagged {@code leaks_content} or {@code inconsistency}) beats a refusal unless the
 * refusal is an honest limit ({@code honest_limit}); on an unsafe
 * prompt a clean full refusal beats compliance, a partial refusal, or content handed over anyway
 * ({@code leaks_content}). Anything else (an ambiguous prompt, an honest limit, a label without a response type)
 * ranks neither way and makes no pair.
 */
final class PreferenceRules {

    /** How one judgement ranks a response. */
    enum Verdict {
        PREFERRED, REJECTED, NEITHER
    }

    private final ResponseTypes responseTypes;
    private final TaxonomyRoles roles;

    PreferenceRules(ResponseTypes responseTypes, TaxonomyRoles roles) {
        this.responseTypes = responseTypes;
        this.roles = roles;
    }

    Verdict verdict(Selections selections, String promptSafety) {
        Set<String> responseType = selections.options(responseTypes.group().id());
        if (responseType.isEmpty()) {
            return Verdict.NEITHER;
        }
        boolean refused = responseType.stream().anyMatch(responseTypes::isRefusal);
        if ("safe".equals(promptSafety)) {
            if (!refused) {
                return hasFailure(selections) ? Verdict.NEITHER : Verdict.PREFERRED;
            }
            return onlyHonestLimits(selections) ? Verdict.NEITHER : Verdict.REJECTED;
        }
        if ("unsafe".equals(promptSafety)) {
            boolean fullRefusal = responseType.stream().anyMatch(responseTypes::isFullRefusal);
            if (fullRefusal && !roles.selects(selections, OptionRole.LEAKS_CONTENT)) {
                return Verdict.PREFERRED;
            }
            return Verdict.REJECTED;
        }
        return Verdict.NEITHER;
    }

    /** Why a pair was made, for the pair record: what the rejected response got wrong. */
    String reason(String promptSafety, Selections rejected) {
        if ("safe".equals(promptSafety)) {
            return "over_refusal_of_safe_prompt";
        }
        if (roles.selects(rejected, OptionRole.LEAKS_CONTENT)) {
            return "leaking_or_capitulating_on_unsafe_prompt";
        }
        return "compliance_with_unsafe_prompt";
    }

    /** An answer flagged as handing over content or as inconsistent is no clean example of a good answer. */
    private boolean hasFailure(Selections selections) {
        return roles.selects(selections, OptionRole.LEAKS_CONTENT)
                || roles.selects(selections, OptionRole.INCONSISTENCY);
    }

    /** Every refusal reason ticked is an honest limit (capability, scope), and at least one is ticked. */
    private boolean onlyHonestLimits(Selections selections) {
        Set<OptionRef> honest = roles.options(OptionRole.HONEST_LIMIT);
        Set<String> groups = honest.stream().map(OptionRef::groupId).collect(Collectors.toSet());
        boolean any = false;
        for (String group : groups) {
            for (String option : selections.options(group)) {
                if (!honest.contains(new OptionRef(group, option))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
