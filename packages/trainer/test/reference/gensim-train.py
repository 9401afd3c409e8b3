#!/usr/bin/python3
"""Trains gensim 4.2 (Debian python3-gensim) from given starting vectors, for
test/differential-gensim.test.ts.

Reads one JSON job on stdin:
  corpus       path of a text file, one sentence per line (read with LineSentence)
  words        our vocabulary in id order; `input` rows follow it
  input        input vectors (len(words) x vectorSize, row-major)
  hsOutput     hierarchical-softmax output vectors (syn1), row i = inner node i
  sg, vectorSize, window, alpha, minAlpha, epochs, cbowMean
  batchWords   optional, default 1 (see below); gensim's own default is 10,000
  decayBy      optional, "words" (default) or "sentences" (see below)

gensim is deterministic with hs=1, negative=0, sample=0, shrink_windows=False:
nothing is drawn at random once wv.vectors and syn1 are overwritten after
build_vocab (which drew them). batch_words=1 makes every sentence its own job,
so the learning rate is set per sentence (gensim sets it per job of
`batch_words` raw words, from the words pushed before the job), and
total_words makes the decay count words, as ours does by default; with
decayBy "sentences" train() gets total_examples instead, so the decay counts
the sentences pushed before each job (ours with decayBy: "sentences").

Writes JSON on stdout: gensim's vocabulary order, each of our words' Huffman
code and points, and the trained input (in our word order) and syn1 vectors.
"""
import json
import sys

import numpy as np
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence

job = json.load(sys.stdin)
words = job["words"]
dim = job["vectorSize"]
sentences = LineSentence(job["corpus"])
model = Word2Vec(
    vector_size=dim, window=job["window"], min_count=1, sample=0, sg=job["sg"], hs=1, negative=0,
    cbow_mean=job["cbowMean"], alpha=job["alpha"], min_alpha=job["minAlpha"], workers=1,
    shrink_windows=False, batch_words=job.get("batchWords", 1), seed=1,
)
model.build_vocab(sentences)
rows = [model.wv.key_to_index[w] for w in words]
model.wv.vectors[rows] = np.asarray(job["input"], dtype=np.float32).reshape(len(words), dim)
model.syn1[:] = np.asarray(job["hsOutput"], dtype=np.float32).reshape(len(words), dim)
if job.get("decayBy", "words") == "sentences":
    model.train(sentences, total_examples=model.corpus_count, epochs=job["epochs"])
else:
    total_words = sum(len(s) for s in sentences)
    model.train(sentences, total_words=total_words, epochs=job["epochs"])
json.dump({
    "gensimWords": model.wv.index_to_key,
    "codes": [model.wv.get_vecattr(w, "code").tolist() for w in words],
    "points": [model.wv.get_vecattr(w, "point").tolist() for w in words],
    "input": model.wv.vectors[rows].ravel().tolist(),
    "hsOutput": model.syn1.ravel().tolist(),
}, sys.stdout)
