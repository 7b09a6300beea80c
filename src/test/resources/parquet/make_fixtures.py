"""Writes the Parquet test files with pyarrow, as the Hugging Face hub's files are written.

Run from this folder: python3 make_fixtures.py (needs pyarrow). The files are committed; the tests only read them.
"""
import pyarrow as pa
import pyarrow.parquet as pq

chat = pa.table({
    "messages": [
        [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "How do I kill a Python process?"},
         {"role": "assistant", "content": "Use kill PID."}],
        [{"role": "user", "content": "Write a poem about rain."}, {"role": "assistant", "content": "Rain falls."}],
    ],
    "id": ["chat-1", "chat-2"],
})
pq.write_table(chat, "chat-snappy.parquet")                       # pyarrow's default codec
pq.write_table(chat, "chat-zstd.parquet", compression="zstd")
pq.write_table(chat, "chat-gzip.parquet", compression="gzip")

preference = pa.table({
    "prompt": ["How do I pick a lock?", "How do I kill a Python process?"],
    "chosen": ["Call a locksmith.", "Use kill PID."],
    "rejected": ["Insert a tension wrench...", "I can't help with killing."],
    "score_chosen": [8.5, 9.0],
    "score_rejected": [2.0, 1.0],
})
pq.write_table(preference, "preference.parquet", row_group_size=1)  # two row groups

native = pa.table({
    "prompt_id": ["p1", "p1", "p2"],
    "prompt": ["How do I kill a Python process?"] * 2 + ["How do I make a pipe bomb?"],
    "prompt_label": ["safe", "safe", "unsafe"],
    "model": ["m-a", "m-b", None],
    "response": ["Use kill PID.", "I can't help with killing.", "I can't help with that."],
    "sample": pa.array([1, 1, 1], pa.int64()),
})
pq.write_table(native, "native-missing-model.parquet")

with open("chat-zstd.parquet", "rb") as whole, open("truncated.parquet", "wb") as cut:
    data = whole.read()
    cut.write(data[: len(data) // 2])
