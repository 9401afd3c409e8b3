#!/usr/bin/python3
"""Golden figures from gensim for @neglab/eval's parity tests.

Run with Debian's python3 (gensim 4.2, scipy):

  /usr/bin/python3 scripts/gensim-golden.py train  test/fixtures/brown-sg50.vec.gz
  /usr/bin/python3 scripts/gensim-golden.py golden test/fixtures/brown-sg50.vec.gz test/fixtures/brown-sg50.golden.json

`train` fits skip-gram on the Brown corpus ($NEGLAB_DATA/corpora/brown.txt, original case kept so that
case folding matters): vector_size 50, min_count 2, one worker, seed 1 and PYTHONHASHSEED 0 (gensim seeds
each word's initial vector from Python's string hash), then rounds the vectors to 3 decimals (a small
committed file; parity is measured on whatever the file holds) and saves gzipped word2vec text.

`golden` loads a vectors file with KeyedVectors.load_word2vec_format and records, for every setting tested,
gensim's evaluate_word_analogies counts per section plus each question's status (c = correct, w = wrong,
s = skipped), the same procedure with most_similar_cosmul (3CosMul), and evaluate_word_pairs' Pearson / Spearman (with p-values) and OOV ratio for every file in
$NEGLAB_DATA/eval/similarity.
"""
import json
import os
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import logging  # noqa: E402

import numpy as np  # noqa: E402
from gensim.models import KeyedVectors, Word2Vec  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("NEGLAB_DATA") or os.path.join(HERE, "../../../../shared/data")
ANALOGIES = os.path.join(DATA, "eval/analogy/questions-words.txt")
SIMILARITY_DIR = os.path.join(DATA, "eval/similarity")
RESTRICTS = [5000, 30000, 300000]
CASES = [True, False]


def train(out):
    with open(os.path.join(DATA, "corpora/brown.txt"), encoding="utf8") as f:
        sentences = [line.split() for line in f]
    model = Word2Vec(sentences, vector_size=50, window=5, min_count=2, sg=1, negative=5,
                     epochs=5, workers=1, seed=1)
    kv = model.wv
    kv.vectors = np.round(kv.vectors, 3).astype(np.float32)
    kv.norms = None
    kv.save_word2vec_format(out, binary=False)


def question_statuses(path, sections, case_insensitive):
    """Each question's status, by walking the file as gensim does and matching its result lists in order."""
    statuses = []
    by_name = {s["section"]: s for s in sections}
    cursor = {}
    current = None
    with open(path, "rb") as fin:
        for line in fin:
            line = line.decode("utf8")
            if line.startswith(": "):
                current = line.lstrip(": ").strip()
                cursor[current] = {"correct": 0, "incorrect": 0}
                continue
            words = line.split()
            if len(words) != 4:
                continue
            quad = tuple(w.upper() for w in words) if case_insensitive else tuple(words)
            section, at = by_name[current], cursor[current]
            if at["correct"] < len(section["correct"]) and tuple(section["correct"][at["correct"]]) == quad:
                at["correct"] += 1
                statuses.append("c")
            elif at["incorrect"] < len(section["incorrect"]) and tuple(section["incorrect"][at["incorrect"]]) == quad:
                at["incorrect"] += 1
                statuses.append("w")
            else:
                statuses.append("s")
    return "".join(statuses)


def cosmul_statuses(kv, path, restrict_vocab, case_insensitive):
    """evaluate_word_analogies' procedure with most_similar_cosmul in place of most_similar (gensim 4.2 accepts a
    similarity_function argument but always uses most_similar). Returns each question's status and the counts."""
    ok_keys = kv.index_to_key[:restrict_vocab]
    fold = (lambda w: w.upper()) if case_insensitive else (lambda w: w)
    ok_vocab = {fold(k): kv.get_index(k) for k in reversed(ok_keys)}
    statuses, correct = [], 0
    original = kv.key_to_index
    with open(path, "rb") as fin:
        for line in fin:
            line = line.decode("utf8")
            if line.startswith(": "):
                continue
            words = line.split()
            if len(words) != 4:
                continue
            a, b, c, expected = [fold(w) for w in words]
            if any(w not in ok_vocab for w in (a, b, c, expected)):
                statuses.append("s")
                continue
            kv.key_to_index = ok_vocab
            sims = kv.most_similar_cosmul(positive=[b, c], negative=[a], topn=5)
            kv.key_to_index = original
            predicted = None
            for element in sims:
                predicted = fold(element[0])
                if predicted in ok_vocab and predicted not in {a, b, c}:
                    break
            statuses.append("c" if predicted == expected else "w")
            correct += predicted == expected
    return "".join(statuses), correct


def golden(vectors, out):
    kv = KeyedVectors.load_word2vec_format(vectors, binary=False)
    result = {"vectors": os.path.basename(vectors), "gensim": __import__("gensim").__version__,
              "scipy": __import__("scipy").__version__, "numpy": np.__version__,
              "words": len(kv.index_to_key), "dim": kv.vector_size, "analogy": [], "similarity": []}
    settings = [(r, c, False) for r in RESTRICTS for c in CASES] + [(30000, True, True)]
    for restrict, case, dummy in settings:
        score, sections = kv.evaluate_word_analogies(ANALOGIES, restrict_vocab=restrict, case_insensitive=case,
                                                     dummy4unknown=dummy)
        result["analogy"].append({
            "restrictVocab": restrict, "caseInsensitive": case, "dummy4unknown": dummy, "score": score,
            "sections": [{"name": s["section"], "correct": len(s["correct"]), "incorrect": len(s["incorrect"])}
                         for s in sections],
            "statuses": question_statuses(ANALOGIES, sections[:-1], case),
        })
        print("analogy", restrict, case, dummy, score, file=sys.stderr)
    # 3CosMul: gensim 4.2's most_similar_cosmul searches every row (restrict_vocab ignored), so use a restrict
    # covering the whole vocabulary, where both agree.
    statuses, correct = cosmul_statuses(kv, ANALOGIES, 300000, True)
    result["cosmul"] = {"restrictVocab": 300000, "caseInsensitive": True, "correct": correct, "statuses": statuses}
    print("cosmul", correct, file=sys.stderr)
    files = sorted(f for f in os.listdir(SIMILARITY_DIR) if f.endswith((".txt", ".tsv")))
    for name in files:
        for restrict, case, dummy in settings:
            try:
                pearson, spearman, oov = kv.evaluate_word_pairs(os.path.join(SIMILARITY_DIR, name),
                                                                restrict_vocab=restrict, case_insensitive=case,
                                                                dummy4unknown=dummy)
                entry = {"pearson": [float(pearson[0]), float(pearson[1])],
                         "spearman": [float(spearman[0]), float(spearman[1])], "oovRatio": float(oov)}
            except ValueError as err:
                entry = {"error": str(err)}
            result["similarity"].append({"file": name, "restrictVocab": restrict, "caseInsensitive": case,
                                         "dummy4unknown": dummy, **entry})
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "train" and len(sys.argv) == 3:
        train(sys.argv[2])
    elif command == "golden" and len(sys.argv) == 4:
        golden(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
