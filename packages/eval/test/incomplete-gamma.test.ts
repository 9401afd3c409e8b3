// The chi-square survival function and the regularised incomplete gamma function behind it (the p-values of
// @neglab/samplers' goodness-of-fit diagnostics), and ln Γ, against scipy.
import { describe, expect, it } from "vitest";
import { regularizedGammaQ } from "../src/math/incomplete-gamma.js";
import { chiSquareSurvival, logGamma } from "../src/stats.js";

describe("chi-square p-values agree with scipy", () => {
  // Produced by: /usr/bin/python3 -c "from scipy.stats import chi2; print([[x, df, chi2.sf(x, df)] for x, df in
  //   [(3.84,1),(0.5,3),(10,5),(30,10),(100,80),(1200,1100),(5000,4900),(0.001,2),(250,100)]])"   (scipy 1.10, Debian)
  const reference: [number, number, number][] = [
    [3.84, 1, 0.05004352124870519],
    [0.5, 3, 0.9188914116546758],
    [10, 5, 0.07523524614651217],
    [30, 10, 0.000856641210775301],
    [100, 80, 0.064570368921133],
    [1200, 1100, 0.018546742246570668],
    [5000, 4900, 0.1562274137489366],
    [0.001, 2, 0.9995001249791693],
    [250, 100, 7.76693640353949e-15],
  ];
  it.each(reference)("P(χ²_%d ≥ x) for x = %d", (x, df, p) => {
    expect(Math.abs(chiSquareSurvival(x, df) - p) / p).toBeLessThan(1e-9);
  });

  it("regularised upper incomplete gamma Q(a, x) and ln Γ match scipy", () => {
    // /usr/bin/python3 -c "from scipy.special import gammaincc, gammaln; print(gammaincc(0.5,0.1), gammaincc(3,2.5),
    //   gammaincc(50,60), gammaincc(1e4,1e4+50), [gammaln(x) for x in (0.5, 1, 7.3, 100.25, 1e5)])"
    expect(regularizedGammaQ(0.5, 0.1)).toBeCloseTo(0.6547208460185768, 13);
    expect(regularizedGammaQ(3, 2.5)).toBeCloseTo(0.5438131158833297, 13);
    expect(regularizedGammaQ(50, 60)).toBeCloseTo(0.08440668109369177, 13);
    expect(regularizedGammaQ(1e4, 1e4 + 50)).toBeCloseTo(0.3076575592974344, 10);
    const lnGamma: [number, number][] = [
      [0.5, 0.5723649429247],
      [1, 0],
      [7.3, 7.147892523022249],
      [100.25, 360.28455963776423],
      [1e5, 1051287.7089736569],
    ];
    for (const [x, value] of lnGamma) expect(logGamma(x)).toBeCloseTo(value, 9);
    expect(() => regularizedGammaQ(0, 1)).toThrow(RangeError);
  });
});
