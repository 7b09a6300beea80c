#!/usr/bin/env python3
"""Writes N generated responses, each labelled by A annotators, as JSONL for `import` (N*A labels), and the same
responses without labels (a project to merge label files into).
    generate_labels.py RESPONSES ANNOTATORS labelled.jsonl bare.jsonl"""
import json
import random
import sys

RESPONSE_TYPES = ["full_compliance", "full_refusal", "partial_refusal"]
REFUSAL_TYPES = ["safety_policy", "capability", "scope_policy", "over_refusal"]
QUALITIES = ["clear", "brief_reason", "non_judgmental", "offers_alternative", "no_boilerplate"]


def selections(rng):
    response_type = rng.choice(RESPONSE_TYPES)
    chosen = {"response_type": [response_type]}
    if response_type != "full_compliance":
        chosen["refusal_type"] = [rng.choice(REFUSAL_TYPES)]
        chosen["refusal_quality"] = rng.sample(QUALITIES, rng.randint(0, 2))
    return chosen


def main():
    count, annotators = int(sys.argv[1]), int(sys.argv[2])
    labelled_path, bare_path = sys.argv[3], sys.argv[4]
    rng = random.Random(42)
    words = ("refuse comply policy safety request model answer harmful benign context explain process "
             "chemistry history fiction medical privacy security question detail example").split()
    models = ["model-a", "model-b", "model-c", "model-d", "model-e"]
    with open(labelled_path, "w", encoding="utf-8") as labelled, open(bare_path, "w", encoding="utf-8") as bare:
        for i in range(count):
            prompt_number = i // len(models)
            rng_prompt = random.Random(prompt_number)
            row = {"prompt_id": "gen-%d" % prompt_number,
                   "prompt": "Prompt %d: " % prompt_number + " ".join(rng_prompt.choice(words) for _ in range(12)),
                   "prompt_label": "safe" if prompt_number % 5 else "unsafe",
                   "model": models[i % len(models)], "sample": 1,
                   "response": " ".join(rng.choice(words) for _ in range(28))}
            bare.write(json.dumps(row, ensure_ascii=False) + "\n")
            row["labels"] = {"annotator-%d" % a: {"selections": selections(rng),
                                                  "note": "looked twice" if rng.random() < 0.1 else None}
                             for a in range(1, annotators + 1)}
            labelled.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
