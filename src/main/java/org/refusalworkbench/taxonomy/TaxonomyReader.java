package org.refusalworkbench.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and validates a taxonomy file. Every problem is collected (not just the first) and reported with its JSON
 * path, so a team fixing its own taxonomy sees the whole list at once.
 *
 * <p>It is long (about 450 lines) because it is one file format's whole grammar: each field's check sits next to
 * where that field is read, so a message and the rule it reports cannot drift apart.
 */
public final class TaxonomyReader {

    public static final String FORMAT = "refusal-workbench-taxonomy";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TAXONOMY_ID = Pattern.compile("[a-z][a-z0-9_.-]*");
    private static final Pattern HOTKEY = Pattern.compile("[A-Z0-9]");
    private static final String DEFAULT_RESOURCE = "/org/refusalworkbench/taxonomy/refusal-default.json";

    private static final ObjectMapper READER = JsonMapper.builder().build();
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    public static Taxonomy defaultTaxonomy() {
        return BuiltIn.DEFAULT;
    }

    /** Read once: projects made before roles existed borrow its roles (see {@link #read(String, String)}). */
    private static final class BuiltIn {
        static final Taxonomy DEFAULT = load();

        private static Taxonomy load() {
            try (InputStream in = TaxonomyReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                return new TaxonomyReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "default taxonomy");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidTaxonomyException e) {
                throw new IllegalStateException("the built-in taxonomy is invalid", e);
            }
        }
    }

    public Taxonomy read(Path file) throws IOException, InvalidTaxonomyException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public Taxonomy read(String json, String source) throws InvalidTaxonomyException {
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidTaxonomyException(source, List.of("$: not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")"));
        }
        Validation validation = new Validation();
        Taxonomy taxonomy = parse(root, validation);
        if (!validation.problems.isEmpty()) {
            throw new InvalidTaxonomyException(source, validation.problems);
        }
        return withRolesOfTheDefault(taxonomy);
    }

    /**
     * The default taxonomy stored by projects made before roles or guidelines existed is the same label scheme (the
     * content hash leaves both out), so it gets the built-in roles and guidelines; no other taxonomy has roles or
     * guidelines it does not declare.
     */
    private static Taxonomy withRolesOfTheDefault(Taxonomy taxonomy) {
        // Roles and guidelines first: the built-in taxonomy itself, read while BuiltIn is initialised, has both.
        if (!taxonomy.roles().isEmpty() && !taxonomy.guidelines().isEmpty()
                || !taxonomy.contentHash().equals(BuiltIn.DEFAULT.contentHash())) {
            return taxonomy;
        }
        return new Taxonomy(taxonomy.id(), taxonomy.version(), taxonomy.name(), taxonomy.groups(), taxonomy.rules(),
                taxonomy.roles().isEmpty() ? BuiltIn.DEFAULT.roles() : taxonomy.roles(),
                taxonomy.guidelines().isEmpty() ? BuiltIn.DEFAULT.guidelines() : taxonomy.guidelines(),
                taxonomy.canonicalJson(), taxonomy.contentHash());
    }

    private Taxonomy parse(JsonNode root, Validation v) {
        if (root == null || !root.isObject()) {
            v.problem("$", "must be a JSON object");
            return null;
        }
        String format = v.text(root, "$", "format", false);
        if (format != null && !format.equals(FORMAT)) {
            v.problem("$.format", "must be '" + FORMAT + "', found '" + format + "'");
        }
        String id = v.text(root, "$", "id", true);
        if (id != null && !TAXONOMY_ID.matcher(id).matches()) {
            v.problem("$.id", "'" + id + "' must be lower-case letters, digits, '.', '-' and '_'");
        }
        String version = v.text(root, "$", "version", true);
        String name = v.text(root, "$", "name", true);
        List<TaxonomyGroup> groups = parseGroups(root.get("groups"), v);
        List<TaxonomyRule> rules = parseRules(root.get("rules"), groups, v);
        checkAppliesWhen(root.get("groups"), groups, v);
        TaxonomyRoles roles = parseRoles(root.get("groups"), groups, v);
        String guidelines = parseGuidelines(root.get("guidelines"), v);
        if (!v.problems.isEmpty()) {
            return null;
        }
        return new Taxonomy(id, version, name, groups, rules, roles, guidelines, canonicalJson(root),
                sha256(canonicalJson(withoutRoles(root))));
    }

    /** Roles are read once every group is known, since an option's role depends on its group's. */
    private static TaxonomyRoles parseRoles(JsonNode groupsNode, List<TaxonomyGroup> groups, Validation v) {
        Map<GroupRole, TaxonomyGroup> groupRoles = new EnumMap<>(GroupRole.class);
        Map<OptionRole, Set<OptionRef>> optionRoles = new EnumMap<>(OptionRole.class);
        if (groupsNode == null || !groupsNode.isArray() || groups.size() != groupsNode.size()) {
            return new TaxonomyRoles(groupRoles, optionRoles);
        }
        Map<GroupRole, String> groupRolePaths = new EnumMap<>(GroupRole.class);
        GroupRole[] roleOfGroup = new GroupRole[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            String path = "$.groups[" + g + "]";
            GroupRole role = v.optionalEnum(groupsNode.get(g), path, "role", GroupRole.class);
            TaxonomyGroup group = groups.get(g);
            if (role == null || group.kind() == null || group.level() == null) {
                continue;
            }
            roleOfGroup[g] = role;
            String previous = groupRolePaths.putIfAbsent(role, path);
            if (previous != null) {
                v.problem(path + ".role", "role '" + role.jsonName() + "' is already given to " + previous);
            } else if (group.kind() != GroupKind.SINGLE || group.level() != role.level()) {
                v.problem(path + ".role", "a group with role '" + role.jsonName() + "' must be single choice at"
                        + " level '" + role.level().name().toLowerCase(Locale.ROOT) + "'");
            } else {
                groupRoles.put(role, group);
            }
        }
        Map<OptionRole, String> optionRolePaths = new EnumMap<>(OptionRole.class);
        for (int g = 0; g < groups.size(); g++) {
            TaxonomyGroup group = groups.get(g);
            JsonNode optionsNode = groupsNode.get(g).get("options");
            for (int o = 0; o < group.options().size(); o++) {
                String path = "$.groups[" + g + "].options[" + o + "]";
                OptionRole role = v.optionalEnum(optionsNode.get(o), path, "role", OptionRole.class);
                if (role == null) {
                    continue;
                }
                if (role.group() != null) {
                    if (roleOfGroup[g] != role.group()) {
                        v.problem(path + ".role", "role '" + role.jsonName() + "' belongs to an option of the group"
                                + " with role '" + role.group().jsonName() + "'");
                        continue;
                    }
                    String previous = optionRolePaths.putIfAbsent(role, path);
                    if (previous != null) {
                        v.problem(path + ".role", "role '" + role.jsonName() + "' is already given to " + previous);
                        continue;
                    }
                } else if (group.kind() != GroupKind.MULTIPLE || group.level() != GroupLevel.RESPONSE) {
                    v.problem(path + ".role", "role '" + role.jsonName() + "' belongs to an option of a"
                            + " response-level multiple-choice group");
                    continue;
                }
                optionRoles.computeIfAbsent(role, r -> new LinkedHashSet<>())
                        .add(new OptionRef(group.id(), group.options().get(o).id()));
            }
        }
        return new TaxonomyRoles(groupRoles, optionRoles);
    }

    /**
     * A team's guidelines for labelers, in Markdown: one text, or an array of lines (easier to write and to diff in
     * JSON), joined with line breaks.
     */
    private static String parseGuidelines(JsonNode node, Validation v) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    v.problem("$.guidelines[" + i + "]", "must be a line of text");
                } else {
                    lines.add(node.get(i).asText());
                }
            }
            return String.join("\n", lines);
        }
        v.problem("$.guidelines", "must be Markdown text or an array of lines of it");
        return "";
    }

    /**
     * The taxonomy as its content hash sees it: roles change how reports read labels, and guidelines how labelers
     * are told to choose, not what labels mean; rewording the guidelines keeps every label file compatible.
     */
    private static JsonNode withoutRoles(JsonNode root) {
        JsonNode copy = root.deepCopy();
        if (copy instanceof ObjectNode rootObject) {
            rootObject.remove("guidelines");
        }
        for (JsonNode group : copy.path("groups")) {
            if (group instanceof ObjectNode groupObject) {
                groupObject.remove("role");
            }
            for (JsonNode option : group.path("options")) {
                if (option instanceof ObjectNode optionObject) {
                    optionObject.remove("role");
                }
            }
        }
        return copy;
    }

    private List<TaxonomyGroup> parseGroups(JsonNode groupsNode, Validation v) {
        List<TaxonomyGroup> groups = new ArrayList<>();
        if (groupsNode == null || !groupsNode.isArray() || groupsNode.isEmpty()) {
            v.problem("$.groups", "must be a non-empty array of groups");
            return groups;
        }
        Set<String> groupIds = new HashSet<>();
        Map<Character, String> hotkeys = new HashMap<>();
        for (int g = 0; g < groupsNode.size(); g++) {
            JsonNode node = groupsNode.get(g);
            String path = "$.groups[" + g + "]";
            if (!node.isObject()) {
                v.problem(path, "must be an object");
                continue;
            }
            String groupId = v.id(node, path, "id");
            if (groupId != null && !groupIds.add(groupId)) {
                v.problem(path + ".id", "duplicate group id '" + groupId + "'");
            }
            String label = v.text(node, path, "label", true);
            String definition = v.text(node, path, "definition", true);
            GroupLevel level = v.enumValue(node, path, "level", GroupLevel.class);
            GroupKind kind = v.enumValue(node, path, "kind", GroupKind.class);
            boolean required = node.path("required").asBoolean(false);
            List<TaxonomyOption> options = parseOptions(node.get("options"), path, hotkeys, v);
            groups.add(new TaxonomyGroup(groupId, label, definition, level, kind, required, Map.of(), options));
        }
        return groups;
    }

    private List<TaxonomyOption> parseOptions(JsonNode optionsNode, String groupPath, Map<Character, String> hotkeys,
                                              Validation v) {
        List<TaxonomyOption> options = new ArrayList<>();
        if (optionsNode == null || !optionsNode.isArray() || optionsNode.isEmpty()) {
            v.problem(groupPath + ".options", "must be a non-empty array of options");
            return options;
        }
        Set<String> ids = new HashSet<>();
        for (int o = 0; o < optionsNode.size(); o++) {
            JsonNode node = optionsNode.get(o);
            String path = groupPath + ".options[" + o + "]";
            String optionId = v.id(node, path, "id");
            if (optionId != null && !ids.add(optionId)) {
                v.problem(path + ".id", "duplicate option id '" + optionId + "'");
            }
            String label = v.text(node, path, "label", true);
            String definition = v.text(node, path, "definition", true);
            String hotkeyText = v.text(node, path, "hotkey", true);
            char hotkey = 0;
            if (hotkeyText != null) {
                String normalised = hotkeyText.toUpperCase(Locale.ROOT);
                if (!HOTKEY.matcher(normalised).matches()) {
                    v.problem(path + ".hotkey", "must be one letter or digit, found '" + hotkeyText + "'");
                } else {
                    hotkey = normalised.charAt(0);
                    String previous = hotkeys.putIfAbsent(hotkey, path);
                    if (previous != null) {
                        v.problem(path + ".hotkey", "hotkey '" + hotkey + "' is already used by " + previous);
                    }
                }
            }
            options.add(new TaxonomyOption(optionId, label, definition, hotkey));
        }
        return options;
    }

    /** applies_when refers to other groups, so it is resolved once every group is known. */
    private void checkAppliesWhen(JsonNode groupsNode, List<TaxonomyGroup> groups, Validation v) {
        if (groupsNode == null || !groupsNode.isArray()) {
            return;
        }
        for (int g = 0; g < groupsNode.size() && g < groups.size(); g++) {
            JsonNode condition = groupsNode.get(g).get("applies_when");
            if (condition == null) {
                continue;
            }
            String path = "$.groups[" + g + "].applies_when";
            if (!condition.isObject()) {
                v.problem(path, "must be an object of group id to option ids");
                continue;
            }
            Map<String, Set<String>> appliesWhen = new LinkedHashMap<>();
            condition.properties().iterator().forEachRemaining(entry -> {
                String entryPath = path + "." + entry.getKey();
                TaxonomyGroup target = find(groups, entry.getKey());
                if (target == null) {
                    v.problem(entryPath, "unknown group '" + entry.getKey() + "'");
                    return;
                }
                Set<String> options = new LinkedHashSet<>();
                for (int i = 0; i < entry.getValue().size(); i++) {
                    String optionId = entry.getValue().get(i).asText();
                    if (target.option(optionId).isEmpty()) {
                        v.problem(entryPath + "[" + i + "]", "unknown option '" + optionId + "' in group '"
                                + target.id() + "'");
                    }
                    options.add(optionId);
                }
                appliesWhen.put(entry.getKey(), options);
            });
            TaxonomyGroup group = groups.get(g);
            groups.set(g, new TaxonomyGroup(group.id(), group.label(), group.definition(), group.level(), group.kind(),
                    group.required(), appliesWhen, group.options()));
        }
    }

    private List<TaxonomyRule> parseRules(JsonNode rulesNode, List<TaxonomyGroup> groups, Validation v) {
        List<TaxonomyRule> rules = new ArrayList<>();
        if (rulesNode == null) {
            return rules;
        }
        if (!rulesNode.isArray()) {
            v.problem("$.rules", "must be an array");
            return rules;
        }
        for (int r = 0; r < rulesNode.size(); r++) {
            JsonNode node = rulesNode.get(r);
            String path = "$.rules[" + r + "]";
            String id = v.id(node, path, "id");
            RuleKind kind = v.enumValue(node, path, "kind", RuleKind.class);
            String message = v.text(node, path, "message", true);
            OptionRef when = optionRef(node.path("when").asText(null), path + ".when", groups, v);
            List<OptionRef> then = new ArrayList<>();
            JsonNode thenNode = node.get("then");
            if (kind != null && kind != RuleKind.REQUIRES_MULTI_TURN) {
                if (thenNode == null || !thenNode.isArray() || thenNode.isEmpty()) {
                    v.problem(path + ".then", "must list at least one group.option");
                } else {
                    for (int t = 0; t < thenNode.size(); t++) {
                        then.add(optionRef(thenNode.get(t).asText(null), path + ".then[" + t + "]", groups, v));
                    }
                }
            }
            rules.add(new TaxonomyRule(id, kind, when, then, message));
        }
        return rules;
    }

    private static OptionRef optionRef(String dotted, String path, List<TaxonomyGroup> groups, Validation v) {
        if (dotted == null) {
            v.problem(path, "is required (group.option)");
            return null;
        }
        OptionRef ref;
        try {
            ref = OptionRef.parse(dotted);
        } catch (IllegalArgumentException e) {
            v.problem(path, e.getMessage());
            return null;
        }
        TaxonomyGroup group = find(groups, ref.groupId());
        if (group == null) {
            v.problem(path, "unknown group '" + ref.groupId() + "'");
        } else if (group.option(ref.optionId()).isEmpty()) {
            v.problem(path, "unknown option '" + ref.optionId() + "' in group '" + ref.groupId() + "'");
        }
        return ref;
    }

    private static TaxonomyGroup find(List<TaxonomyGroup> groups, String id) {
        return groups.stream().filter(group -> id.equals(group.id())).findFirst().orElse(null);
    }

    private static String canonicalJson(JsonNode root) {
        try {
            Object tree = CANONICAL.treeToValue(root, Object.class);
            return CANONICAL.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects problems while parsing continues, so one run reports them all. */
    private static final class Validation {
        private final List<String> problems = new ArrayList<>();

        void problem(String path, String message) {
            problems.add(path + ": " + message);
        }

        String text(JsonNode node, String path, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problem(path + "." + field, "is required");
                }
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                problem(path + "." + field, "must be a non-empty string");
                return null;
            }
            return value.asText();
        }

        String id(JsonNode node, String path, String field) {
            String value = text(node, path, field, true);
            if (value != null && !ID.matcher(value).matches()) {
                problem(path + "." + field, "'" + value + "' must be lower-case letters, digits and '_'");
            }
            return value;
        }

        <E extends Enum<E>> E enumValue(JsonNode node, String path, String field, Class<E> type) {
            return enumOf(text(node, path, field, true), path, field, type);
        }

        /** An enum field that may be left out (null then). */
        <E extends Enum<E>> E optionalEnum(JsonNode node, String path, String field, Class<E> type) {
            return node == null || !node.isObject() ? null : enumOf(text(node, path, field, false), path, field, type);
        }

        private <E extends Enum<E>> E enumOf(String value, String path, String field, Class<E> type) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                List<String> allowed = new ArrayList<>();
                for (E constant : type.getEnumConstants()) {
                    allowed.add(constant.name().toLowerCase(Locale.ROOT));
                }
                problem(path + "." + field, "'" + value + "' is not one of " + allowed);
                return null;
            }
        }
    }
}
