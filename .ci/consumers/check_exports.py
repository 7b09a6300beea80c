"""Every export of two projects, read as a research pipeline reads it.

Usage: check_exports.py DEMO_OUT XSTEST_OUT SCHEMA_FOLDER

Loads each export with datasets.load_dataset, concatenates the two projects' tables, validates every JSON output
against its schema, recomputes the documented content ids, and runs TRL's data utilities and a DPO-style
tokenisation with a small tokenizer built here (no download). Any failure raises, so the script exits non-zero.
"""
import atexit
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# A cache of this run's own: offline, datasets would otherwise answer for a folder with what it cached last time.
os.environ["HF_DATASETS_CACHE"] = tempfile.mkdtemp(prefix="rw-consumers-")
atexit.register(shutil.rmtree, os.environ["HF_DATASETS_CACHE"], True)

import datasets  # noqa: E402
import jsonschema  # noqa: E402
import pandas  # noqa: E402
from tokenizers import Tokenizer, models, pre_tokenizers, trainers  # noqa: E402
from transformers import PreTrainedTokenizerFast  # noqa: E402
from trl.data_utils import is_conversational, maybe_apply_chat_template, unpair_preference_dataset  # noqa: E402

datasets.disable_progress_bars()
datasets.logging.set_verbosity_error()

JSON_LINES = {
    "label-file.jsonl": "label-file",
    "preference.jsonl": "preference",
    "trl-dpo.jsonl": "trl-dpo",
    "trl-kto.jsonl": "trl-kto",
    "label-table.jsonl": "label-table",
    "final-labels.jsonl": "final-labels",
    "hf/data/labels.jsonl": "label-table",
    "hf/data/final_labels.jsonl": "final-labels",
    "hf/data/trl_dpo.jsonl": "trl-dpo",
}
JSON_OBJECTS = {
    "report-agreement.json": "report-agreement",
    "report-calibration.json": "report-calibration",
    "stats.json": "stats",
    "report-judges.json": "report-judges",
}
CHAT_TEMPLATE = (
    "{% for message in messages %}<|{{ message['role'] }}|> {{ message['content'] }} <|end|> {% endfor %}"
    "{% if add_generation_prompt %}<|assistant|> {% endif %}"
)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def validate_json(out, schemas):
    validated = 0
    for name, schema_name in {**JSON_LINES, **JSON_OBJECTS}.items():
        path = out / name
        if not path.exists():
            check(name == "hf/data/trl_dpo.jsonl", f"{path}: missing")
            continue
        schema = json.loads((schemas / f"{schema_name}.schema.json").read_text())
        validator = jsonschema.Draft202012Validator(schema)
        documents = ([json.loads(line) for line in path.read_text().splitlines() if line.strip()]
                     if name in JSON_LINES else [json.loads(path.read_text())])
        check(documents, f"{path}: empty")
        for number, document in enumerate(documents, 1):
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
            check(not errors, f"{path}:{number}: {errors[0].json_path if errors else ''}: "
                              f"{errors[0].message if errors else ''}")
        validated += len(documents)
    return validated


def load_all(out):
    """Every table export with load_dataset; returns the ones the checks below use."""
    loaded = {}
    for name in ["label-table.jsonl", "trl-dpo.jsonl", "trl-kto.jsonl", "final-labels.jsonl", "preference.jsonl"]:
        loaded[name] = datasets.load_dataset("json", data_files=str(out / name), split="train")
    for name in ["label-table.csv", "final-labels.csv", "report-agreement.csv", "report-calibration.csv"]:
        loaded[name] = datasets.load_dataset("csv", data_files=str(out / name), split="train")
    loaded["label-table.parquet"] = datasets.load_dataset("parquet", data_files=str(out / "label-table.parquet"),
                                                          split="train")
    loaded["hf"] = datasets.load_dataset(str(out / "hf"), split="train")
    loaded["hf/final_labels"] = datasets.load_dataset(str(out / "hf"), "final_labels", split="train")
    if (out / "hf/data/trl_dpo.jsonl").exists():
        loaded["hf/trl_dpo"] = datasets.load_dataset(str(out / "hf"), "trl_dpo", split="train")
    for name, table in loaded.items():
        check(len(table) > 0, f"{out / name}: no rows")
    return loaded


def check_label_table(out, loaded):
    table = loaded["label-table.jsonl"]
    lines = [json.loads(line) for line in (out / "label-table.jsonl").read_text().splitlines()]
    check(len(table) == len(lines), f"{out}: label table has {len(table)} rows, file {len(lines)}")
    for column, feature in table.features.items():
        if "." in column:
            check(feature.dtype == "bool", f"{out}: column {column} is {feature.dtype}, not bool")
    hf = loaded["hf"]
    check(list(hf.features) == list(table.features), f"{out}: the hf labels config's columns differ from the table")
    check(len(hf) == len(table), f"{out}: the hf labels config has {len(hf)} rows, the table {len(table)}")
    parquet = loaded["label-table.parquet"]
    check(parquet.features == table.features, f"{out}: Parquet and JSONL label tables have different features")
    check(parquet.to_list() == table.to_list(), f"{out}: Parquet and JSONL label tables hold different rows")
    csv = pandas.read_csv(out / "label-table.csv")
    check(list(csv.columns) == list(table.features), f"{out}: CSV and JSONL label tables have different columns")
    check(len(csv) == len(table), f"{out}: CSV has {len(csv)} rows, JSONL {len(table)}")
    for column in csv.columns:
        if "." in column:
            check(csv[column].dtype == bool, f"{out}: CSV column {column} reads as {csv[column].dtype}, not bool")


def content_id(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:32]


def check_content_ids(out):
    checked = 0
    for line in (out / "final-labels.jsonl").read_text().splitlines():
        row = json.loads(line)
        external = row["prompt_external_id"]
        prompt_id = content_id("prompt-id", external) if external else content_id("prompt-text", row["prompt"])
        check(prompt_id == row["prompt_id"], f"{out}: prompt {row['prompt_id']}: the documented id is {prompt_id}")
        if row["response"] is not None:
            content = row["response"]
        else:
            # The stored transcript: compact JSON with the "user" flag after each turn's fields.
            content = json.dumps([{"role": m["role"], "content": m["content"], "user": m["role"] == "user"}
                                  for m in row["messages"]], separators=(",", ":"), ensure_ascii=False)
        response_id = content_id("response", prompt_id, row["model"], str(row["sample"]), content)
        check(response_id == row["response_id"],
              f"{out}: response {row['response_id']}: the documented id is {response_id}")
        checked += 1
    return checked


def small_tokenizer(texts):
    """A word-level tokenizer trained on the export's own text, with a chat template: no download needed."""
    tokenizer = Tokenizer(models.WordLevel(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    markers = ["<|system|>", "<|user|>", "<|assistant|>", "<|tool|>", "<|end|>"]
    tokenizer.train_from_iterator(texts, trainers.WordLevelTrainer(special_tokens=["<unk>", "<pad>", "<eos>"]
                                                                   + markers))
    fast = PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="<unk>", pad_token="<pad>",
                                   eos_token="<eos>")
    fast.add_special_tokens({"additional_special_tokens": markers})
    fast.chat_template = CHAT_TEMPLATE
    return fast


def texts_of(value):
    if isinstance(value, str):
        return [value]
    return [message["content"] for message in value]


def check_trl(out, loaded, conversational):
    pairs = loaded["trl-dpo.jsonl"]
    kto = loaded["trl-kto.jsonl"]
    check(all(is_conversational(row) == conversational for row in pairs),
          f"{out}: is_conversational is not {conversational} on every DPO row")
    check(all(is_conversational(row) == conversational for row in kto),
          f"{out}: is_conversational is not {conversational} on every KTO row")
    texts = [text for row in pairs for key in ("prompt", "chosen", "rejected") for text in texts_of(row[key])]
    tokenizer = small_tokenizer(texts)
    unpaired = unpair_preference_dataset(pairs.select_columns(["prompt", "chosen", "rejected"]))
    check(len(unpaired) == 2 * len(pairs), f"{out}: unpair_preference_dataset gave {len(unpaired)} rows")
    check(sorted(set(unpaired["label"])) == [False, True], f"{out}: unpaired labels are {set(unpaired['label'])}")
    tokenised = 0
    for row in pairs:
        example = maybe_apply_chat_template({k: row[k] for k in ("prompt", "chosen", "rejected")}, tokenizer)
        for key in ("prompt", "chosen", "rejected"):
            check(isinstance(example[key], str) and example[key], f"{out}: templated {key} is not text")
        if conversational:
            whole = tokenizer.apply_chat_template(row["prompt"] + row["chosen"], tokenize=False)
            check(whole == example["prompt"] + example["chosen"],
                  f"{out}: prompt and chosen do not add up to the conversation")
        # DPO's tokenisation: prompt and each side apart, end-of-sequence after each side.
        prompt_ids = tokenizer(example["prompt"], add_special_tokens=False)["input_ids"]
        chosen_ids = tokenizer(example["chosen"], add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
        rejected_ids = tokenizer(example["rejected"], add_special_tokens=False)["input_ids"] + [
            tokenizer.eos_token_id]
        check(prompt_ids and len(chosen_ids) > 1 and len(rejected_ids) > 1, f"{out}: empty tokenisation")
        # Every word of the export is in the vocabulary, the template's markers too: nothing maps to <unk>.
        check(tokenizer.unk_token_id not in prompt_ids + chosen_ids + rejected_ids,
              f"{out}: a word or a template marker did not tokenise")
        tokenised += 1
    return len(pairs), tokenised


def main():
    demo, xstest, schemas = (Path(argument) for argument in sys.argv[1:4])
    results = {}
    for out, conversational in ((demo, True), (xstest, False)):
        validated = validate_json(out, schemas)
        loaded = load_all(out)
        check_label_table(out, loaded)
        ids = check_content_ids(out)
        pairs, tokenised = check_trl(out, loaded, conversational)
        results[out.name] = loaded
        print(f"{out.name}: {validated} JSON documents valid, {len(loaded)} tables loaded, {ids} content ids"
              f" recomputed, {pairs} DPO pairs tokenised")

    # Two projects with one taxonomy: their tables concatenate, column for column and type for type.
    for name in ("label-table.jsonl", "label-table.csv", "label-table.parquet", "hf", "report-agreement.csv",
                 "report-calibration.csv"):
        both = datasets.concatenate_datasets([results["demo"][name], results["xstest"][name]])
        check(len(both) == len(results["demo"][name]) + len(results["xstest"][name]), f"{name}: concatenation")
        print(f"concatenated {name}: {len(both)} rows")
    frames = [pandas.read_json(out / "label-table.jsonl", lines=True) for out in (demo, xstest)]
    both = pandas.concat(frames, ignore_index=True)
    for column in both.columns:
        if "." in column:
            check(both[column].dtype == bool, f"pandas: concatenated {column} is {both[column].dtype}, not bool")
    print(f"pandas concatenated the label tables: {len(both)} rows, {len(both.columns)} columns")


if __name__ == "__main__":
    main()
