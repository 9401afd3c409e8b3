#!/usr/bin/env python3
"""Golden vocabulary figures from gensim, for packages/corpus/test/gensim-parity.test.ts.

For each corpus file and setting, runs gensim 4's Word2Vec.build_vocab on LineSentence(file)
and prints the vocabulary size, corpus totals, the ten most frequent words and a SHA-256 of
the whole vocabulary ("word<TAB>count" lines sorted by word), as JSON.

Besides the shared corpora it builds brown-one-line.txt (brown.txt with every newline replaced by
a space: one line of 1,161,192 tokens) in a temporary directory, to pin how LineSentence cuts a
line of more than 10,000 tokens into sentences. The parity test builds the same file the same way.

usage (from the repository root):
  /usr/bin/python3 packages/corpus/scripts/gensim-vocab.py ../shared/data/corpora \
      > packages/corpus/test/golden/gensim-vocab.json
"""
import hashlib
import json
import logging
import os
import sys
import tempfile

import gensim
from gensim.models.word2vec import LineSentence, Word2Vec

CORPORA = ["brown.txt", "enwiki-sample.txt", "kjv.txt", "austen.txt", "lee_background.txt",
           "wordnet-glosses.txt", "gcide.txt"]
SETTINGS = [{"min_count": 5}, {"min_count": 1}]
EXTRA = {"brown.txt": [{"min_count": 1, "max_vocab_size": 20000}, {"min_count": 2, "max_final_vocab": 10000}]}
# Files derived from a shared corpus: name -> (source, how it is derived).
ONE_LINE = "brown-one-line.txt"
DERIVED = {ONE_LINE: ("brown.txt", "newlines replaced by spaces")}
DERIVED_SETTINGS = [{"min_count": 5}, {"min_count": 1, "max_vocab_size": 20000}]


def write_one_line(source, target):
    """brown.txt as a single line: every newline byte becomes a space."""
    with open(source, "rb") as fin, open(target, "wb") as fout:
        fout.write(fin.read().replace(b"\n", b" "))


def figures(path, setting):
    model = Word2Vec(min_count=setting["min_count"], max_vocab_size=setting.get("max_vocab_size"),
                     max_final_vocab=setting.get("max_final_vocab"), workers=1)
    model.build_vocab(LineSentence(path))
    wv = model.wv
    entries = sorted((w, int(wv.get_vecattr(w, "count"))) for w in wv.index_to_key)
    digest = hashlib.sha256("".join(f"{w}\t{c}\n" for w, c in entries).encode("utf-8")).hexdigest()
    top = [[w, int(wv.get_vecattr(w, "count"))] for w in wv.index_to_key[:10]]
    return {
        "file": os.path.basename(path),
        "setting": setting,
        "size": len(wv.index_to_key),
        "corpus_total_words": model.corpus_total_words,
        "corpus_count": model.corpus_count,
        "retain_total": sum(c for _, c in entries),
        "effective_min_count": model.effective_min_count,
        "top10": top,
        "sha256": digest,
    }


def main():
    logging.disable(logging.CRITICAL)
    data = sys.argv[1]
    out = {"gensim": gensim.__version__,
           "command": "/usr/bin/python3 packages/corpus/scripts/gensim-vocab.py ../shared/data/corpora",
           "results": []}
    for name in CORPORA:
        for setting in SETTINGS + EXTRA.get(name, []):
            out["results"].append(figures(os.path.join(data, name), setting))
    with tempfile.TemporaryDirectory() as work:
        for name, (source, derivation) in DERIVED.items():
            path = os.path.join(work, name)
            write_one_line(os.path.join(data, source), path)
            for setting in DERIVED_SETTINGS:
                out["results"].append({**figures(path, setting), "derived_from": source, "derivation": derivation})
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
