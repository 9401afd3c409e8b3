# Reference for @neglab/samplers tests: fastText's negatives table, transcribed from
# fastText 0.9.2's src/loss.cc (the version Debian's `fasttext` package installs; the
# binary has no way to print its table, so this reproduces the source instead):
#
#   NegativeSamplingLoss::NegativeSamplingLoss(wo, neg, const std::vector<int64_t>& targetCounts) {
#     real z = 0.0;                                   // real is float (src/real.h)
#     for (size_t i = 0; i < targetCounts.size(); i++) z += pow(targetCounts[i], 0.5);
#     for (size_t i = 0; i < targetCounts.size(); i++) {
#       real c = pow(targetCounts[i], 0.5);
#       for (size_t j = 0; j < c * NegativeSamplingLoss::NEGATIVE_TABLE_SIZE / z; j++)
#         negatives_.push_back(i);
#     }
#   }
#   static const int32_t NEGATIVE_TABLE_SIZE = 10000000;   // src/loss.h
#
# C++ semantics kept here: pow(int64_t, double) is computed in double (libm's pow, which
# Python's math.pow also calls); `z += double` adds in double and rounds to float;
# `c * NEGATIVE_TABLE_SIZE / z` is float · (int32 → float) / float, each step rounded to
# float; `j < x` converts j to float (exact below 2^24). Prints each word's entry count.
#
# Run: /usr/bin/python3 scripts/fasttext-table.py < test/fixtures/reference/zipf1000.counts.txt \
#        > test/fixtures/reference/zipf1000.fasttext-table.txt
import math
import sys

import numpy as np

NEGATIVE_TABLE_SIZE = np.int32(10000000)
f32 = np.float32


def entries_per_word(counts):
    z = f32(0.0)
    for count in counts:
        z = f32(float(z) + math.pow(count, 0.5))
    size = f32(NEGATIVE_TABLE_SIZE)
    result = []
    for count in counts:
        c = f32(math.pow(count, 0.5))
        bound = float(f32(f32(c * size) / z))
        j = 0
        while float(j) < bound:
            j += 1
        result.append(j)
    return result


if __name__ == "__main__":
    counts = [int(x) for x in sys.stdin.read().split()]
    print("\n".join(str(n) for n in entries_per_word(counts)))
