"""Times gensim's KeyedVectors.load_word2vec_format; prints JSON {"text": [s, ...], "binary": [s, ...]}.

Usage: /usr/bin/python3 gensim-load-timer.py TEXT_FILE BINARY_FILE RUNS
"""
import json
import sys
import time

from gensim.models import KeyedVectors

text, binary, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
timings = {"text": [], "binary": []}
for _ in range(runs):
    for kind, path in (("text", text), ("binary", binary)):
        start = time.perf_counter()
        KeyedVectors.load_word2vec_format(path, binary=kind == "binary")
        timings[kind].append(time.perf_counter() - start)
print(json.dumps(timings))
