"""Times gensim's evaluate_word_analogies on a word2vec binary file; prints JSON {restrict: [seconds, ...]}.

Usage: /usr/bin/python3 gensim-analogy-timer.py VECTORS.bin QUESTIONS.txt RUNS RESTRICT [RESTRICT ...]
"""
import json
import sys
import time

from gensim.models import KeyedVectors

vectors, questions, runs, restricts = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(r) for r in sys.argv[4:]]
kv = KeyedVectors.load_word2vec_format(vectors, binary=True)
kv.fill_norms()
timings = {}
for restrict in restricts:
    timings[restrict] = []
    for _ in range(runs):
        start = time.perf_counter()
        score, sections = kv.evaluate_word_analogies(questions, restrict_vocab=restrict)
        timings[restrict].append(time.perf_counter() - start)
        timings[f"{restrict}-evaluated"] = len(sections[-1]["correct"]) + len(sections[-1]["incorrect"])
        timings[f"{restrict}-correct"] = len(sections[-1]["correct"])
print(json.dumps(timings))
