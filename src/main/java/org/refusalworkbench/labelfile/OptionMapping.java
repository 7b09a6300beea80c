package org.refusalworkbench.labelfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.ArrayList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.domain.Selections;

/**
 * Translates option ids of an older (or another) taxonomy into the project's, so labels made under it can be
 * merged. A mapping file is JSON: {@code {"from_taxonomy_hash": "...", "options": {"group.old": "group.new",
 * "group.gone": null}}}. Options not named pass through unchanged and must exist in the project's taxonomy;
 * mapping an option to {@code null} drops it.
 */
public final class OptionMapping {

    /** The identity mapping: used when the taxonomies match. */
    public static final OptionMapping NONE = new OptionMapping("", null, Map.of());

    private final String source;
    private final String fromTaxonomyHash;
    private final Map<String, String> options;

    private OptionMapping(String source, String fromTaxonomyHash, Map<String, String> options) {
        this.source = source;
        this.fromTaxonomyHash = fromTaxonomyHash;
        this.options = options;
    }

    public static OptionMapping read(Path file) throws LabelFileException {
        String name = file.toString();
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new LabelFileException(name, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LabelFileException(name, 0, "cannot read the mapping file: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LabelFileException(name, 1, "a mapping file is a JSON object with an \"options\" object");
        }
        RecordFields fields = new RecordFields(root, name, 1, "");
        fields.allowOnly(Set.of("from_taxonomy_hash", "options"));
        JsonNode optionsNode = root.get("options");
        if (optionsNode == null || !optionsNode.isObject()) {
            throw fields.error("'options' must be an object of \"group.option\" ids to new ids (or null)");
        }
        Map<String, String> options = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = optionsNode.properties().iterator(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            requireOptionRef(entry.getKey(), fields);
            JsonNode target = entry.getValue();
            if (!target.isNull() && !target.isTextual()) {
                throw fields.error("'options." + entry.getKey() + "' must be a \"group.option\" id or null");
            }
            if (target.isTextual()) {
                requireOptionRef(target.asText(), fields);
            }
            options.put(entry.getKey(), target.isNull() ? null : target.asText());
        }
        return new OptionMapping(name, fields.optionalText("from_taxonomy_hash"), options);
    }

    /** Whether this mapping was written for labels of the taxonomy with this content hash. */
    boolean appliesTo(String taxonomyHash) {
        return fromTaxonomyHash == null || fromTaxonomyHash.equals(taxonomyHash);
    }

    boolean isIdentity() {
        return options.isEmpty() && this == NONE;
    }

    String source() {
        return source;
    }

    Selections apply(Selections selections) {
        if (options.isEmpty()) {
            return selections;
        }
        Map<String, List<String>> mapped = new HashMap<>();
        for (Map.Entry<String, SortedSet<String>> group : selections.asMap().entrySet()) {
            for (String option : group.getValue()) {
                String from = group.getKey() + "." + option;
                String to = options.containsKey(from) ? options.get(from) : from;
                if (to != null) {
                    int dot = to.indexOf('.');
                    mapped.computeIfAbsent(to.substring(0, dot), key -> new ArrayList<>()).add(to.substring(dot + 1));
                }
            }
        }
        return Selections.of(mapped);
    }

    private static void requireOptionRef(String ref, RecordFields fields) throws LabelFileException {
        int dot = ref.indexOf('.');
        if (dot <= 0 || dot == ref.length() - 1 || ref.indexOf('.', dot + 1) >= 0) {
            throw fields.error("'" + ref + "' is not a \"group.option\" id");
        }
    }
}
