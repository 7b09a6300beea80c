package org.refusalworkbench.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

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

    private static String minimal(String option) {
        return """
                {"format": "refusal-workbench-taxonomy", "id": "t", "version": "1", "name": "T",
                 "groups": [{"id": "g", "label": "G", "definition": "d", "level": "response", "kind": "single",
                             "options": [{"label": "Yes", "definition": "d", %s}]}]}
                """.formatted(option);
    }
}
