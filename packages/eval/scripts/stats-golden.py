#!/usr/bin/python3
"""Reference values from scipy for @neglab/eval's statistics tests (test/stats-golden.test.ts).

Run with Debian's python3 (scipy 1.10):

  /usr/bin/python3 packages/eval/scripts/stats-golden.py packages/eval/test/fixtures/stats.golden.json

McNemar (exact): scipy.stats.binomtest(n10, n01 + n10, 0.5).pvalue, for discordant counts chosen to cover
small, balanced, lopsided and large (tiny p-value) cases, and for real paired outcomes: the per-question
statuses gensim itself produced in test/fixtures/brown-sg50.golden.json (3CosAdd vs 3CosMul, and two
restrict_vocab and two case_insensitive settings), correct = 1, wrong or skipped = 0.

Bootstrap of an accuracy: with n outcomes of which k are correct, the bootstrap distribution of the accuracy
is exactly Binomial(n, k/n)/n, so the percentile interval converges to binom.ppf((1 -+ 0.95)/2, n, k/n)/n.

Holm: statsmodels is not installed here, so the adjusted p-values are a direct transcription of Holm (1979):
sort ascending, p~(i) = max over j <= i of min(1, (m - j + 1) * p(j)), written as the double loop of the
definition (independent of the single-pass form in src/stats/holm.ts).

Student's t: scipy.stats.t.cdf and t.ppf at several (t, df) and (p, df). Paired differences:
scipy.stats.ttest_rel(a, b) p-value and confidence_interval(0.95) for samples drawn here (including a
single-seed-like case of 10 differences, as bench:parity uses); TOST: the two one-sided
scipy.stats.ttest_1samp(d, -margin, alternative="greater") and ttest_1samp(d, margin, alternative="less").
"""
import json
import os
import sys

import numpy as np
import scipy
from scipy.stats import binom, binomtest, t as student_t, ttest_1samp, ttest_rel

HERE = os.path.dirname(os.path.abspath(__file__))
GENSIM_GOLDEN = os.path.join(HERE, "../test/fixtures/brown-sg50.golden.json")

COUNT_CASES = [(0, 0), (0, 1), (0, 5), (3, 3), (1, 10), (10, 1), (7, 12), (12, 7), (40, 60), (250, 310),
               (1000, 1100), (2, 3000), (1500, 1600), (4900, 5100), (0, 1100)]


def holm_textbook(p):
    m = len(p)
    order = sorted(range(m), key=lambda i: (p[i], i))
    adjusted = [0.0] * m
    for i in range(m):
        adjusted[order[i]] = max(min(1.0, (m - j) * p[order[j]]) for j in range(i + 1))
    return adjusted


def counts(a, b):
    n01 = sum(1 for x, y in zip(a, b) if x == 0 and y == 1)
    n10 = sum(1 for x, y in zip(a, b) if x == 1 and y == 0)
    return n01, n10


def main(out):
    gensim = json.load(open(GENSIM_GOLDEN))
    status = {(g["restrictVocab"], g["caseInsensitive"], g["dummy4unknown"]): g["statuses"] for g in gensim["analogy"]}
    cosmul = gensim["cosmul"]
    real = [
        ("3CosAdd vs 3CosMul, restrict_vocab=%d" % cosmul["restrictVocab"],
         "analogy:%d:%s:false" % (cosmul["restrictVocab"], str(cosmul["caseInsensitive"]).lower()), "cosmul",
         status[(cosmul["restrictVocab"], cosmul["caseInsensitive"], False)], cosmul["statuses"]),
        ("case_insensitive true vs false, restrict_vocab=30000", "analogy:30000:true:false", "analogy:30000:false:false",
         status[(30000, True, False)], status[(30000, False, False)]),
        ("restrict_vocab 5000 vs 30000", "analogy:5000:true:false", "analogy:30000:true:false",
         status[(5000, True, False)], status[(30000, True, False)]),
    ]
    mcnemar = [{"n01": n01, "n10": n10, "pValue": binomtest(n10, n01 + n10, 0.5).pvalue if n01 + n10 > 0 else 1.0}
               for n01, n10 in COUNT_CASES]
    paired = []
    for label, a_key, b_key, sa, sb in real:
        a = [1 if s == "c" else 0 for s in sa]
        b = [1 if s == "c" else 0 for s in sb]
        n01, n10 = counts(a, b)
        paired.append({"label": label, "a": a_key, "b": b_key, "n01": n01, "n10": n10,
                       "pValue": binomtest(n10, n01 + n10, 0.5).pvalue if n01 + n10 > 0 else 1.0})

    rng = np.random.default_rng(20261201)
    holm_inputs = [
        [0.01, 0.04, 0.03, 0.005],
        [0.2, 0.2, 0.2],
        [0.5, 0.001, 0.9, 0.04, 0.04, 0.3],
        [0.6],
        [],
        [0.0, 1.0, 0.3],
        [m["pValue"] for m in mcnemar],
        [float(x) for x in rng.uniform(0, 0.2, 12)],
        [float(x) for x in rng.beta(0.3, 3, 25)],
    ]
    holm_cases = [{"pValues": p, "adjusted": holm_textbook(p)} for p in holm_inputs]
    n, k = 1000, 300
    accuracy = {"n": n, "correct": k, "lower": binom.ppf(0.025, n, k / n) / n, "upper": binom.ppf(0.975, n, k / n) / n}
    t_cdf = [{"t": t, "df": df, "cdf": float(student_t.cdf(t, df))}
             for t in [-40.0, -3.5, -1.0, -0.1, 0.0, 0.7, 2.262, 5.0, 12.0] for df in [1, 2.5, 9, 30, 200]]
    t_ppf = [{"p": p, "df": df, "quantile": float(student_t.ppf(p, df))}
             for p in [0.001, 0.025, 0.05, 0.3, 0.5, 0.9, 0.95, 0.975, 0.9995] for df in [1, 3, 9, 19, 100]]
    drng = np.random.default_rng(20261204)
    samples = [
        (drng.normal(0.3, 1.0, 10), drng.normal(0.0, 1.0, 10)),
        (drng.normal(3.5, 0.2, 10), drng.normal(3.4, 0.2, 10)),
        (drng.normal(0.25, 0.01, 12), drng.normal(0.25, 0.01, 12)),
        (drng.normal(0.0, 1.0, 2), drng.normal(0.0, 1.0, 2)),
        (drng.normal(5.0, 2.0, 40), drng.normal(4.0, 2.0, 40)),
    ]
    paired_t = []
    for a, b in samples:
        d = a - b
        res = ttest_rel(a, b)
        ci95 = res.confidence_interval(0.95)
        ci90 = res.confidence_interval(0.90)
        sd = float(np.std(d, ddof=1))
        margin = 2.0 * sd / np.sqrt(len(d))  # a margin the mean is near, so neither verdict is trivial
        p_lower = ttest_1samp(d, -margin, alternative="greater").pvalue
        p_upper = ttest_1samp(d, margin, alternative="less").pvalue
        paired_t.append({"differences": [float(x) for x in d], "mean": float(np.mean(d)), "sd": sd,
                         "pValue": float(res.pvalue), "lower95": float(ci95.low), "upper95": float(ci95.high),
                         "lower90": float(ci90.low), "upper90": float(ci90.high), "margin": float(margin),
                         "pLower": float(p_lower), "pUpper": float(p_upper)})
    with open(out, "w") as f:
        json.dump({"scipy": scipy.__version__, "bootstrapAccuracy": accuracy, "mcnemar": mcnemar, "mcnemarOutcomes": paired, "holm": holm_cases,
                   "studentTCdf": t_cdf, "studentTQuantile": t_ppf, "pairedT": paired_t}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
