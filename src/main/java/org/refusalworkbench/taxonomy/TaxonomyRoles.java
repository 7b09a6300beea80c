package org.refusalworkbench.taxonomy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.refusalworkbench.domain.Selections;

/**
 * The roles a taxonomy declares for its groups and options ({@link GroupRole}, {@link OptionRole}). Features that
 * interpret labels look groups and options up here, never by id, and say why they are not available when a role
 * is missing instead of computing a wrong number.
 */
public final class TaxonomyRoles {

    /** Why calibration rates and preference pairs are missing, in the words reports print. */
    public static final String NO_RESPONSE_TYPES = "the taxonomy declares no response-type group with compliance"
            + " and refusal options";

    private final Map<GroupRole, TaxonomyGroup> groups;
    private final Map<OptionRole, Set<OptionRef>> options;

    TaxonomyRoles(Map<GroupRole, TaxonomyGroup> groups, Map<OptionRole, Set<OptionRef>> options) {
        this.groups = groups.isEmpty() ? Map.of() : new EnumMap<>(groups);
        Map<OptionRole, Set<OptionRef>> copy = new EnumMap<>(OptionRole.class);
        options.forEach((role, refs) -> copy.put(role, Set.copyOf(new LinkedHashSet<>(refs))));
        this.options = copy;
    }

    public boolean isEmpty() {
        return groups.isEmpty() && options.isEmpty();
    }

    public Optional<TaxonomyGroup> group(GroupRole role) {
        return Optional.ofNullable(groups.get(role));
    }

    /** The option with this role in its role's group (compliance, refusal, benign, ...). */
    public Optional<String> option(OptionRole role) {
        return options.getOrDefault(role, Set.of()).stream().map(OptionRef::optionId).findFirst();
    }

    /** Every option with this role; checkbox roles may mark options of several groups. */
    public Set<OptionRef> options(OptionRole role) {
        return options.getOrDefault(role, Set.of());
    }

    /** Whether {@code selections} choose any option with this role. */
    public boolean selects(Selections selections, OptionRole role) {
        return options(role).stream().anyMatch(option -> option.isSelectedIn(selections));
    }

    /** Present when the taxonomy has a response-type group with compliance and refusal options. */
    public Optional<ResponseTypes> responseTypes() {
        Optional<TaxonomyGroup> group = group(GroupRole.RESPONSE_TYPE);
        Optional<String> compliance = option(OptionRole.COMPLIANCE);
        Optional<String> refusal = option(OptionRole.REFUSAL);
        if (group.isEmpty() || compliance.isEmpty() || refusal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResponseTypes(group.get(), compliance.get(), refusal.get(),
                option(OptionRole.PARTIAL_REFUSAL)));
    }

    /** The missing roles, each with the features that need it: what {@code init} warns about. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (responseTypes().isEmpty()) {
            missing.add("no group with \"role\": \"response_type\" whose options have the roles \"compliance\" and"
                    + " \"refusal\": calibration rates, preference pairs, inconsistency marks in review and the"
                    + " XSTest importer are not available");
        } else if (option(OptionRole.PARTIAL_REFUSAL).isEmpty()) {
            missing.add("no response-type option with \"role\": \"partial_refusal\": XSTest files with the label"
                    + " 3_partial_refusal cannot be imported");
        }
        if (group(GroupRole.USER_INTENT).isEmpty() || option(OptionRole.BENIGN).isEmpty()
                || option(OptionRole.HARMFUL).isEmpty()) {
            missing.add("no group with \"role\": \"user_intent\" whose options have the roles \"benign\" and"
                    + " \"harmful\": preference pairs skip prompts imported without a safety label");
        }
        return missing;
    }
}
