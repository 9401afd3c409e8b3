#!/bin/sh
# neglab installed from npm (npm install neglab), in an empty directory; no data files needed.
set -eu
npx neglab --version
npx neglab samplers list
npx neglab corpus stats brown --lowercase --punctuation drop

# One skip-gram model of the embedded Brown corpus, unigram^0.75 negatives, as word2vec text.
npx neglab train --corpus brown --lowercase --punctuation drop --architecture skipgram \
  --sampler unigram --alpha 0.75 --vector-size 50 --epochs 1 --workers 2 --seed 1 --out vectors.txt

# Scored on a word-pair file of your own (word1 word2 score); registered datasets work by name.
printf 'man woman 8.3\nking queen 8.6\nmoney cash 9.1\nday night 6.6\ncar automobile 8.9\nman year 1.9\nbank cash 7.0\nking day 2.0\n' > pairs.txt
npx neglab eval vectors.txt --similarity pairs.txt
