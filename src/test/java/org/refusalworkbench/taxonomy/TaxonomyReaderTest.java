package org.refusalworkbench.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.TestData;

class TaxonomyReaderTest {

    private final TaxonomyReader reader = new TaxonomyReader();

    @Test
    void defaultTaxonomyHasTheGroupsXstestMapsOnto() {
        Taxonomy taxonomy = TaxonomyReader.defaultTaxonomy();

        assertThat(taxonomy.groups()).extracting(TaxonomyGroup::id).containsExactly("user_intent", "response_type",
                "refusal_type", "failure_modes", "refusal_quality");
        assertThat(taxonomy.group("response_type").orElseThrow().options()).extracting(TaxonomyOption::id)
                .containsExactly("full_compliance", "full_refusal", "partial_refusal");
        assertThat(taxonomy.group("user_intent").orElseThrow().level()).isEqualTo(GroupLevel.PROMPT);
        assertThat(taxonomy.contentHash()).hasSize(64);
    }

    @Test
    void everyDefaultOptionHasADefinitionAndAUniqueHotkey() {
        Set<Character> hotkeys = new HashSet<>();
        for (TaxonomyGroup group : TaxonomyReader.defaultTaxonomy().groups()) {
            for (TaxonomyOption option : group.options()) {
                assertThat(option.definition()).as(option.id()).isNotBlank();
                assertThat(hotkeys.add(option.hotkey())).as("hotkey of " + option.id()).isTrue();
            }
        }
    }

    @Test
    void contentHashIgnoresKeyOrderAndWhitespace() throws Exception {
        String a = minimal("\"hotkey\": \"1\", \"id\": \"yes\"");
        String b = minimal("\"id\":\"yes\",   \"hotkey\":\"1\"");

        assertThat(reader.read(a, "a").contentHash()).isEqualTo(reader.read(b, "b").contentHash());
    }

    @Test
    void contentHashChangesWhenAnOptionChanges() throws Exception {
        assertThat(reader.read(minimal("\"id\": \"yes\", \"hotkey\": \"1\""), "a").contentHash())
                .isNotEqualTo(reader.read(minimal("\"id\": \"yep\", \"hotkey\": \"1\""), "b").contentHash());
    }

    @Test
    void guidelinesAreMarkdownTextOrLinesAndRewordingThemKeepsTheContentHash() throws Exception {
        String option = "\"id\": \"yes\", \"hotkey\": \"1\"";
        Taxonomy without = reader.read(minimal(option), "a");
        Taxonomy asText = reader.read(withGuidelines(minimal(option), "\"## Choosing\\nPrefer *yes*.\""), "b");
        Taxonomy asLines = reader.read(withGuidelines(minimal(option), "[\"## Choosing\", \"Prefer *yes*.\"]"),
                "c");
        assertThat(without.guidelines()).isEmpty();
        assertThat(asText.guidelines()).isEqualTo("## Choosing\nPrefer *yes*.");
        assertThat(asLines.guidelines()).isEqualTo(asText.guidelines());
        assertThat(asLines.contentHash()).isEqualTo(without.contentHash());
        assertThat(reader.read(asLines.canonicalJson(), "stored").guidelines()).isEqualTo(asText.guidelines());
        assertThat(TaxonomyReader.defaultTaxonomy().guidelines()).contains("## How to label a refusal");
    }

    @Test
    void guidelinesOfAnotherTypeAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> reader.read(withGuidelines(minimal("\"id\": \"yes\", \"hotkey\": \"1\""),
                "[\"ok\", 3]"), "custom.json"))
                .isInstanceOf(InvalidTaxonomyException.class)
                .satisfies(e -> assertThat(((InvalidTaxonomyException) e).problems())
                        .containsExactly("$.guidelines[1]: must be a line of text"));
        assertThatThrownBy(() -> reader.read(withGuidelines(minimal("\"id\": \"yes\", \"hotkey\": \"1\""),
                "{\"text\": \"no\"}"), "custom.json"))
                .isInstanceOf(InvalidTaxonomyException.class)
                .satisfies(e -> assertThat(((InvalidTaxonomyException) e).problems())
                        .containsExactly("$.guidelines: must be Markdown text or an array of lines of it"));
    }

    private static String withGuidelines(String taxonomy, String guidelines) {
        return taxonomy.replace("\"name\": \"T\",", "\"name\": \"T\", \"guidelines\": " + guidelines + ",");
    }

    @Test
    void reportsEveryProblemWithItsJsonPath() {
        String json = """
                {"format": "refusal-workbench-taxonomy", "id": "t", "version": "1", "name": "T",
                 "groups": [
                   {"id": "g", "label": "G", "definition": "d", "level": "response", "kind": "several",
                    "options": [{"id": "a", "label": "A", "definition": "d", "hotkey": "Q"},
                                {"id": "b", "label": "B", "definition": "d", "hotkey": "q"},
                                {"id": "Bad Id", "label": "C", "definition": "d", "hotkey": "ZZ"}]}
                 ],
                 "rules": [{"id": "r", "kind": "requires_any", "when": "g.a", "then": ["g.nope", "other.x"],
                            "message": "m"}]}
                """;

        assertThatThrownBy(() -> reader.read(json, "custom.json"))
                .isInstanceOf(InvalidTaxonomyException.class)
                .satisfies(e -> assertThat(((InvalidTaxonomyException) e).problems()).containsExactlyInAnyOrder(
                        "$.groups[0].kind: 'several' is not one of [single, multiple]",
                        "$.groups[0].options[1].hotkey: hotkey 'Q' is already used by $.groups[0].options[0]",
                        "$.groups[0].options[2].id: 'Bad Id' must be lower-case letters, digits and '_'",
                        "$.groups[0].options[2].hotkey: must be one letter or digit, found 'ZZ'",
                        "$.rules[0].then[0]: unknown option 'nope' in group 'g'",
                        "$.rules[0].then[1]: unknown group 'other'"))
                .hasMessageStartingWith("custom.json: invalid taxonomy");
    }

    @Test
    void rejectsMalformedJsonWithItsLine() {
        assertThatThrownBy(() -> reader.read("{\n\"id\": ", "broken.json"))
                .isInstanceOf(InvalidTaxonomyException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsAnotherFormat() {
        assertThatThrownBy(() -> reader.read(minimal("\"id\": \"yes\", \"hotkey\": \"1\"")
                .replace("refusal-workbench-taxonomy", "label-studio"), "x"))
                .hasMessageContaining("$.format: must be 'refusal-workbench-taxonomy'");
    }

    @Test
    void theDefaultTaxonomyDeclaresEveryRole() {
        TaxonomyRoles roles = TaxonomyReader.defaultTaxonomy().roles();

        ResponseTypes types = roles.responseTypes().orElseThrow();
        assertThat(types.group().id()).isEqualTo("response_type");
        assertThat(types.compliance()).isEqualTo("full_compliance");
        assertThat(types.refusal()).isEqualTo("full_refusal");
        assertThat(types.partialRefusal()).contains("partial_refusal");
        assertThat(roles.group(GroupRole.USER_INTENT).map(TaxonomyGroup::id)).contains("user_intent");
        assertThat(roles.option(OptionRole.BENIGN)).contains("benign");
        assertThat(roles.option(OptionRole.HARMFUL)).contains("harmful");
        assertThat(roles.options(OptionRole.HONEST_LIMIT)).containsExactlyInAnyOrder(
                new OptionRef("refusal_type", "capability"), new OptionRef("refusal_type", "scope_policy"));
        assertThat(roles.options(OptionRole.LEAKS_CONTENT)).hasSize(2);
        assertThat(roles.options(OptionRole.INCONSISTENCY)).containsExactly(
                new OptionRef("failure_modes", "inconsistency"));
        assertThat(roles.missing()).isEmpty();
    }

    @Test
    void theDefaultTaxonomyStoredBeforeRolesExistedKeepsItsHashAndGetsTheBuiltInRoles() throws Exception {
        String withoutRoles;
        try (InputStream in = TaxonomyReader.class.getResourceAsStream(
                "/org/refusalworkbench/taxonomy/refusal-default.json")) {
            withoutRoles = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll(",?\\s*\"role\": \"[a-z_]+\"", "");
        }
        assertThat(withoutRoles).doesNotContain("\"role\"");

        Taxonomy stored = reader.read(withoutRoles, "project taxonomy");

        assertThat(stored.contentHash()).isEqualTo(TaxonomyReader.defaultTaxonomy().contentHash());
        assertThat(stored.roles().responseTypes()).isPresent();
        assertThat(stored.roles().missing()).isEmpty();
    }

    @Test
    void theDefaultTaxonomyStoredBeforeGuidelinesExistedGetsTheBuiltInGuidelines() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(TaxonomyReader.defaultTaxonomy()
                        .canonicalJson());
        json.remove("guidelines");

        Taxonomy stored = reader.read(json.toString(), "project taxonomy");

        assertThat(stored.guidelines()).isEqualTo(TaxonomyReader.defaultTaxonomy().guidelines()).isNotEmpty();
        assertThat(stored.roles().missing()).isEmpty();
    }

    @Test
    void aCustomTaxonomyWithTheDefaultIdsButNoRolesHasNoRoles() throws Exception {
        Taxonomy custom = reader.read(TestData.taxonomyExampleFromDocs()
                .replaceAll(",?\\s*\"role\": \"[a-z_]+\"", "")
                .replace("\"complied\"", "\"full_compliance\"").replace("\"refused\"", "\"full_refusal\"")
                .replace("response_type.refused", "response_type.full_refusal"), "custom.json");

        assertThat(custom.roles().responseTypes()).isEmpty();
        assertThat(custom.roles().missing()).anySatisfy(line -> assertThat(line)
                .contains("\"role\": \"response_type\"").contains("calibration rates"));
    }

    @Test
    void theDocumentedExampleDeclaresItsResponseTypes() throws Exception {
        Taxonomy example = reader.read(TestData.taxonomyExampleFromDocs(), "docs/taxonomy.md");

        ResponseTypes types = example.roles().responseTypes().orElseThrow();
        assertThat(types.compliance()).isEqualTo("complied");
        assertThat(types.refusal()).isEqualTo("refused");
        assertThat(types.partialRefusal()).isEmpty();
        assertThat(example.roles().missing()).hasSize(2);
    }

    @Test
    void misplacedAndRepeatedRolesAreReportedWithTheirJsonPath() {
        String json = """
                {"format": "refusal-workbench-taxonomy", "id": "t", "version": "1", "name": "T",
                 "groups": [
                   {"id": "g", "label": "G", "definition": "d", "level": "response", "kind": "single",
                    "role": "response_type",
                    "options": [{"id": "a", "label": "A", "definition": "d", "hotkey": "A", "role": "refusal"},
                                {"id": "b", "label": "B", "definition": "d", "hotkey": "B", "role": "refusal"},
                                {"id": "c", "label": "C", "definition": "d", "hotkey": "C", "role": "benign"}]},
                   {"id": "h", "label": "H", "definition": "d", "level": "response", "kind": "multiple",
                    "role": "user_intent",
                    "options": [{"id": "x", "label": "X", "definition": "d", "hotkey": "X", "role": "refused"}]}
                 ]}
                """;

        assertThatThrownBy(() -> reader.read(json, "custom.json"))
                .isInstanceOf(InvalidTaxonomyException.class)
                .satisfies(e -> assertThat(((InvalidTaxonomyException) e).problems()).containsExactlyInAnyOrder(
                        "$.groups[0].options[1].role: role 'refusal' is already given to $.groups[0].options[0]",
                        "$.groups[0].options[2].role: role 'benign' belongs to an option of the group with role"
                                + " 'user_intent'",
                        "$.groups[1].role: a group with role 'user_intent' must be single choice at level 'prompt'",
                        "$.groups[1].options[0].role: 'refused' is not one of [compliance, refusal,"
                                + " partial_refusal, benign, harmful, honest_limit, leaks_content, inconsistency]"));
    }

    private static String minimal(String option) {
        return """
                {"format": "refusal-workbench-taxonomy", "id": "t", "version": "1", "name": "T",
                 "groups": [{"id": "g", "label": "G", "definition": "d", "level": "response", "kind": "single",
                             "options": [{"label": "Yes", "definition": "d", %s}]}]}
                """.formatted(option);
    }
}
