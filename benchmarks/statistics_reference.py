#!/usr/bin/env python3
"""Reference values for Tests/ParzenBenchTests/Statistics (ParzenBench's statistics).

Run:  python3 benchmarks/statistics_reference.py
Needs numpy and scipy (values recorded with scipy 1.17.1, numpy 2.4.6). Every number the Swift
tests compare against is printed here with 17 significant digits; the tests quote the section
that produced each one. Nothing here uses Parzen: it is an independent computation.
"""
import numpy as np
import scipy
from scipy import stats


def show(name, value):
    if isinstance(value, (list, tuple, np.ndarray)):
        print(f"{name} = [{', '.join(repr(float(v)) for v in value)}]")
    else:
        print(f"{name} = {float(value)!r}")


print(f"# scipy {scipy.__version__}, numpy {np.__version__}")

# --- Mann-Whitney U (two-sided; statistic = U of the first sample) -------------------------
MWU = {
    # exact (auto): both small, no ties
    "exactSmall": ([0.8, 1.2, 3.1, 0.4, 2.2], [1.9, 2.8, 3.5, 4.1, 5.0, 2.6, 3.3]),
    # exact (auto): one sample <= 8, the other 30, no ties
    "exactUnbalanced": ([2.5, 7.25, 11.5, 13.75],
                        [0.5 * i + 0.125 for i in range(30)]),
    # exact (auto): 8 vs 8, boundary of scipy's rule, no ties
    "exactEight": ([1.1, 2.3, 0.7, 4.4, 3.9, 2.8, 5.6, 0.2],
                   [3.3, 6.1, 4.9, 7.2, 5.3, 2.9, 6.8, 4.05]),
    # asymptotic (auto): both > 8, no ties
    "asymptoticNoTies": ([0.31, 1.72, 0.05, 2.44, 0.93, 1.18, 0.66, 3.02, 0.12, 1.49, 0.27, 2.11],
                         [1.95, 2.63, 0.88, 3.41, 2.27, 1.36, 4.02, 2.85, 1.61, 3.77, 0.49, 2.99]),
    # asymptotic (auto): small samples but ties
    "asymptoticTiesSmall": ([1, 2, 2, 3, 5, 5], [2, 4, 5, 6, 6, 7, 8]),
    # asymptotic (auto): larger samples, many ties (rounded losses)
    "asymptoticTiesLarge": ([0.1, 0.2, 0.2, 0.3, 0.3, 0.3, 0.5, 0.7, 0.7, 1.0, 1.2, 1.2, 1.5, 2.0, 2.0],
                            [0.2, 0.3, 0.5, 0.5, 0.7, 0.9, 1.0, 1.0, 1.2, 1.5, 1.5, 1.8, 2.0, 2.2, 2.5,
                             3.0, 3.0, 3.5, 4.0, 4.0]),
    # all values equal
    "allTied": ([1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0]),
}
for name, (x, y) in MWU.items():
    r = stats.mannwhitneyu(x, y, alternative="two-sided", method="auto")
    show(f"mwu.{name}.U", r.statistic)
    show(f"mwu.{name}.p", r.pvalue)
# the same data with the method forced
for name, method, cont in [("asymptoticNoTies", "exact", True), ("exactSmall", "asymptotic", True),
                           ("exactSmall", "asymptotic", False), ("asymptoticTiesSmall", "exact", True)]:
    x, y = MWU[name]
    r = stats.mannwhitneyu(x, y, alternative="two-sided", method=method, use_continuity=cont)
    show(f"mwu.{name}.{method}.continuity={cont}.p", r.pvalue)
# a large exact case: n1 = 8, n2 = 200 (counts exceed 2^53)
x = [3.0 * i + 0.5 for i in range(8)]
y = [0.25 * i for i in range(200)]
show("mwu.exactLarge.p", stats.mannwhitneyu(x, y, method="exact").pvalue)

# --- Holm adjustment (hand-written step-down; statsmodels multipletests(method='holm') agrees) --
def holm(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    adjusted = np.empty(m)
    running = 0.0
    for position, index in enumerate(order):
        running = max(running, min(1.0, (m - position) * p[index]))
        adjusted[index] = running
    return adjusted

show("holm.small", holm([0.01, 0.04, 0.03, 0.005, 0.2]))
show("holm.capped", holm([0.3, 0.02, 0.5, 0.02, 0.001, 0.9]))

# --- Vargha-Delaney A12 = P(a < b) + 0.5 P(a = b) (lower loss is better), by all pairs ---------
def a12(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    less = (a[:, None] < b[None, :]).sum()
    equal = (a[:, None] == b[None, :]).sum()
    return (less + 0.5 * equal) / (len(a) * len(b))

show("a12.exactSmall", a12(*MWU["exactSmall"]))
show("a12.asymptoticTiesLarge", a12(*MWU["asymptoticTiesLarge"]))

# --- Friedman test, average ranks, Iman-Davenport, Nemenyi ------------------------------------
# scores[problem][suggester], lower is better; contains ties
scores = np.array([
    [0.12, 0.45, 0.33, 0.80],
    [1.50, 0.90, 0.90, 2.10],
    [0.05, 0.07, 0.30, 0.02],
    [3.20, 2.80, 4.10, 5.00],
    [0.60, 0.60, 0.60, 0.90],
    [0.11, 0.35, 0.22, 0.48],
    [7.00, 6.50, 9.10, 8.20],
])
N, k = scores.shape
fr = stats.friedmanchisquare(*scores.T)
show("friedman.chi2", fr.statistic)
show("friedman.p", fr.pvalue)
show("friedman.averageRanks", stats.rankdata(scores, axis=1).mean(axis=0))
F = (N - 1) * fr.statistic / (N * (k - 1) - fr.statistic)
show("friedman.imanDavenportF", F)
show("friedman.imanDavenportP", stats.f.sf(F, k - 1, (k - 1) * (N - 1)))
# no ties, 3 suggesters (scipy's own doc example shape)
scores3 = np.array([[72, 96, 88], [120, 95, 110], [76, 86, 82], [90, 92, 99], [108, 97, 115],
                    [83, 84, 87], [101, 89, 104], [94, 91, 100]], dtype=float)
fr3 = stats.friedmanchisquare(*scores3.T)
show("friedman3.chi2", fr3.statistic)
show("friedman3.p", fr3.pvalue)
show("friedman3.averageRanks", stats.rankdata(scores3, axis=1).mean(axis=0))
# Nemenyi q_0.05 beyond Demsar's table: studentized range (df = inf) quantile / sqrt(2)
for kk in (2, 10, 11, 12, 15, 20):
    show(f"nemenyi.q005.k={kk}", stats.studentized_range.ppf(0.95, kk, np.inf) / np.sqrt(2))
show("studentizedRange.cdf(3, k=5)", stats.studentized_range.cdf(3.0, 5, np.inf))
show("chi2.sf(7.5, 3)", stats.chi2.sf(7.5, 3))
show("f.sf(2.5, 3, 18)", stats.f.sf(2.5, 3, 18))


# --- Bootstrap CI of the median, reproduced outside GSL ---------------------------------------
class GSLMT19937:
    """GSL's gsl_rng_mt19937 (seeding as gsl_rng_set; outputs via Python's own MT19937 core)."""

    def __init__(self, seed):
        import random
        if seed == 0:
            seed = 4357
        mt = [seed & 0xFFFFFFFF]
        for i in range(1, 624):
            mt.append((1812433253 * (mt[-1] ^ (mt[-1] >> 30)) + i) & 0xFFFFFFFF)
        self.random = random.Random()
        self.random.setstate((3, tuple(mt) + (624,), None))

    def get(self):
        return self.random.getrandbits(32)

    def uniform_int(self, n):  # gsl_rng_uniform_int: scale = range / n, reject k >= n
        scale = 0xFFFFFFFF // n
        while True:
            k = self.get() // scale
            if k < n:
                return k


def bootstrap_median(sample, resamples, level, seed):
    rng = GSLMT19937(seed)
    n = len(sample)
    medians = []
    for _ in range(resamples):
        medians.append(np.median([sample[rng.uniform_int(n)] for _ in range(n)]))
    tail = (1 - level) / 2
    return np.median(sample), np.percentile(medians, 100 * tail), np.percentile(medians, 100 * (1 - tail))


first = GSLMT19937(5489)
show("mt19937.seed5489.first3", [first.get() for _ in range(3)])
sample = [0.93, 0.12, 2.71, 0.44, 1.08, 0.37, 5.12, 0.81, 0.26, 1.64, 0.58, 3.30, 0.09]
show("bootstrap.seed42.B1000", bootstrap_median(sample, 1000, 0.95, 42))
show("bootstrap.seed7.B500.level90", bootstrap_median(sample[:12], 500, 0.90, 7))
wide = [0.5 + 0.37 * ((7 * i) % 20) + 0.01 * i for i in range(20)]
show("bootstrap.wide", wide)
show("bootstrap.seed2024.B257.level80", bootstrap_median(wide, 257, 0.80, 2024))

# --- appended: Mann-Whitney exact beyond 64-bit counts (50 vs 50, shifted by 10.5) -----------
x = [float(i) for i in range(50)]
y = [i + 10.5 for i in range(50)]
show("mwu.exactRecurrence.p", stats.mannwhitneyu(x, y, method="exact").pvalue)
