package org.refusalworkbench.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shapes of response file we read, each in every container ({@link Container}). A file's shape is recognised
 * from its header or its first row's fields, most specific first; {@code --format NAME} names it instead.
 */
public enum ImportFormat {

    /** XSTest v2 completion files: exactly XSTest's header. */
    XSTEST(List.of("xstest"), "XSTest completions") {
        @Override
        boolean recognises(Set<String> fields) {
            return fields.equals(Set.copyOf(XstestRowMapper.HEADER));
        }

        @Override
        RowMapper mapper(ImportContext context) throws ImportException {
            return new XstestRowMapper(context);
        }
    },

    /** OpenAI's rule-based-rewards gold data: a conversation, a completion and its propositions' truth values. */
    RBR_GOLD(List.of("openai-rbr-gold", "rbr-gold"), "OpenAI's RBR gold data (propositions as labels)") {
        @Override
        boolean recognises(Set<String> fields) {
            return fields.containsAll(Set.of("propositions", "completion", "response_type"));
        }

        @Override
        RowMapper mapper(ImportContext context) {
            return new RbrGoldRowMapper(context);
        }
    },

    /** CoCoNot's preference file: chosen over rejected, under a categorised prompt. */
    COCONOT_PREFERENCE(List.of("coconot-preference", "coconot-pref"), "CoCoNot's preference pairs") {
        @Override
        boolean recognises(Set<String> fields) {
            return fields.containsAll(Set.of("id", "category", "subcategory", "chosen", "rejected"));
        }

        @Override
        RowMapper mapper(ImportContext context) {
            return new CoconotPreferenceRowMapper(context);
        }
    },

    /** CoCoNot's evaluation files, once their responses are filled in. */
    COCONOT(List.of("coconot"), "CoCoNot (category / subcategory), with responses") {
        @Override
        boolean recognises(Set<String> fields) {
            return fields.containsAll(Set.of("id", "category", "subcategory", "prompt"));
        }

        @Override
        RowMapper mapper(ImportContext context) {
            return new CoconotRowMapper(context);
        }
    },

    /** WildGuardMix-style rows: harm and refusal labels of a named source. */
    WILDGUARDMIX(List.of("wildguardmix"), "WildGuardMix (harm and refusal labels)") {
        @Override
        boolean recognises(Set<String> fields) {
            return fields.contains("prompt_harm_label") || fields.contains("response_refusal_label");
        }

        @Override
        RowMapper mapper(ImportContext context) {
            return new WildGuardMixRowMapper(context);
        }
    },

    /** SORRY-Bench-style human judgements: fulfilled (1) or refused (0). */
    SORRY_BENCH(List.of("sorry-bench"), "SORRY-Bench human judgements") {
        @Override
        boolean recognises(Set<String> fields) {
            return fields.containsAll(Set.of("question_id", "turns", "choices"));
        }

        @Override
        RowMapper mapper(ImportContext context) {
            return new SorryBenchRowMapper(context);
        }
    },

    /** Do-Not-Answer-style files: a harm hierarchy and each model's response, harm flag and action category. */
    DO_NOT_ANSWER(List.of("do-not-answer"), "Do-Not-Answer (risk area / harm type / specific harm)") {
        @Override
        boolean recognises(Set<String> fields) {
            return fields.containsAll(Set.of("risk_area", "types_of_harm", "question"));
        }

        @Override
        RowMapper mapper(ImportContext context) {
            return new DoNotAnswerRowMapper(context);
        }
    },

    /** Label Studio's JSON export: tasks with {@code data} and {@code annotations}. */
    LABEL_STUDIO(List.of("label-studio"), "a Label Studio JSON export (Choices and TextArea)") {
        @Override
        boolean recognises(Set<String> fields) {
            return fields.contains("data") && (fields.contains("annotations") || fields.contains("predictions"));
        }

        @Override
        RowMapper mapper(ImportContext context) throws ImportException {
            return new LabelStudioRowMapper(context);
        }
    },

    /** Any rows, read through a mapping file ({@code --map}); never recognised on its own. */
    MAPPED(List.of("mapped"), "any rows, read through a mapping file (--map)") {
        @Override
        boolean recognises(Set<String> fields) {
            return false;
        }

        @Override
        RowMapper mapper(ImportContext context) throws ImportException {
            return new MappedRowMapper(context);
        }
    },

    /** TRL's preference datasets: {@code prompt} (optional), {@code chosen}, {@code rejected}. */
    PREFERENCE(List.of("preference", "trl-preference"), "preference pairs (prompt, chosen, rejected)") {
        @Override
        boolean recognises(Set<String> fields) {
            return fields.contains("chosen") && fields.contains("rejected");
        }

        @Override
        RowMapper mapper(ImportContext context) {
            return new PreferenceRowMapper(context);
        }
    },

    /** Our own fields (docs/annotation.md), chat datasets' {@code messages} among them; the fallback. */
    NATIVE(List.of("native", "jsonl", "csv", "chat"), "the workbench's own fields, or a chat dataset") {
        @Override
        boolean recognises(Set<String> fields) {
            return true;
        }

        @Override
        RowMapper mapper(ImportContext context) {
            return new NativeRowMapper(context);
        }
    };

    private final List<String> names;
    private final String description;

    ImportFormat(List<String> names, String description) {
        this.names = names;
        this.description = description;
    }

    /** Whether a file whose header (or first row) has these fields is of this format. */
    abstract boolean recognises(Set<String> fields);

    abstract RowMapper mapper(ImportContext context) throws ImportException;

    /** The name {@code --format} takes. */
    public String formatName() {
        return names.get(0);
    }

    public String description() {
        return description;
    }

    /** Accepts every name of a format, case-insensitively: {@code jsonl} and {@code csv} still name ours. */
    public static ImportFormat parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (ImportFormat format : values()) {
            if (format.names.contains(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (use " + Arrays.stream(values())
                .map(ImportFormat::formatName).collect(Collectors.joining(", ")) + ")");
    }

    /** The most specific format whose fields these are. */
    static ImportFormat recognise(Set<String> fields) {
        for (ImportFormat format : values()) {
            if (format.recognises(fields)) {
                return format;
            }
        }
        return NATIVE;
    }
}
