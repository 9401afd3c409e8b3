# One gensim 4 Word2Vec run on a one-sentence-per-line corpus, timing
# build_vocab() and train() apart. Prints one JSON line: the corpus's tokens, the
# words kept, both times, words/s of training and peak RSS.
#   /usr/bin/python3 bench/gensim-train.py '<json: { corpus, sg, workers, seed, output?, nsExponent?, options?, decayBy?, corpusFile? }>'
# The corpus is read by LineSentence (in Python, one job queue) unless corpusFile is
# true: then by corpus_file, gensim's Cython reader, every worker reading its own
# part of the file (bench:scale).
# nsExponent is gensim's ns_exponent (the unigram α, default 0.75); options are
# further Word2Vec keyword arguments (bench:parity's ablations, e.g. {"batch_words": 1000}).
# decayBy "sentences" (default) passes total_examples, so gensim decays the learning
# rate by sentences pushed (its `_job_producer` prefers total_examples); "words"
# passes total_words only, so it decays by raw words pushed.
import json, resource, sys, time
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence

args = json.loads(sys.argv[1])
sentences = LineSentence(args["corpus"])
settings = dict(vector_size=100, window=5, min_count=5, sample=1e-3, negative=5, hs=0, ns_exponent=args.get("nsExponent", 0.75),
                sg=args["sg"], workers=args["workers"], epochs=5, alpha=0.025, min_alpha=0.0001, seed=args["seed"])
settings.update(args.get("options", {}))
model = Word2Vec(**settings)
start = time.perf_counter()
if args.get("corpusFile"):
    model.build_vocab(corpus_file=args["corpus"])
else:
    model.build_vocab(sentences)
vocab_seconds = time.perf_counter() - start
start = time.perf_counter()
if args.get("corpusFile"):
    model.train(corpus_file=args["corpus"], total_words=model.corpus_total_words, epochs=model.epochs)
elif args.get("decayBy", "sentences") == "words":
    model.train(sentences, total_words=model.corpus_total_words, epochs=model.epochs)
else:
    model.train(sentences, total_examples=model.corpus_count, total_words=model.corpus_total_words, epochs=model.epochs)
seconds = time.perf_counter() - start
if args.get("output"):
    model.wv.save_word2vec_format(args["output"])
words = model.corpus_total_words * model.epochs
print(json.dumps({"tokens": model.corpus_total_words, "retained": len(model.wv), "vocabSeconds": vocab_seconds,
                  "seconds": seconds, "wordsTrained": words, "wordsPerSecond": words / seconds,
                  "peakKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
