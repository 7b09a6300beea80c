#!/usr/bin/env python3
"""Writes N generated responses as JSONL and the same rows as CSV (about 440 bytes a line)."""
import csv
import json
import random
import sys

def main():
    count = int(sys.argv[1])
    jsonl_path, csv_path = sys.argv[2], sys.argv[3]
    rng = random.Random(42)
    words = ("refuse comply policy safety request model answer harmful benign context explain process "
             "chemistry history fiction medical privacy security question detail example").split()
    models = ["model-a", "model-b", "model-c", "model-d", "model-e"]
    with open(jsonl_path, "w", encoding="utf-8") as jsonl, open(csv_path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["prompt_id", "prompt", "category", "prompt_label", "model", "sample", "response"])
        for i in range(count):
            prompt_number = i // len(models)
            rng_prompt = random.Random(prompt_number)
            prompt = "Prompt %d: " % prompt_number + " ".join(rng_prompt.choice(words) for _ in range(12))
            response = " ".join(rng.choice(words) for _ in range(28))
            row = {"prompt_id": "gen-%d" % prompt_number, "prompt": prompt,
                   "category": words[prompt_number % len(words)],
                   "prompt_label": "safe" if prompt_number % 5 else "unsafe",
                   "model": models[i % len(models)], "sample": 1, "response": response}
            jsonl.write(json.dumps(row, ensure_ascii=False) + "\n")
            writer.writerow([row[k] for k in ("prompt_id", "prompt", "category", "prompt_label", "model",
                                              "sample", "response")])

if __name__ == "__main__":
    main()
