#!/usr/bin/env python3
"""Known answers for Parzen's bbob functions, from COCO's own cocoex.

For every bbob function f1-f24, dimension 2, 3, 5, 10, 20, 40 and instance 1, 2, 5, 15, 71,
110, evaluates cocoex at six points and prints one CSV row per point:

    function,dimension,instance,point,f_opt,value

f_opt is COCO's reported optimum value (coco_problem_get_best_value, through cocoex's
compiled module); value is COCO's f. The points come from a 64-bit linear congruential
generator that Parzen's test re-implements, so the fixture needs no coordinates: point k of
(f, D, i) starts from state = 1000003*f + 10007*D + 101*i + k and each coordinate is
-h + 2h*(state >> 11)/2**53 after state = state*6364136223846793005 + 1442695040888963407
mod 2**64, with h = 5 for points 0-3 (the domain), 7 for point 4 and 50 for point 5 (outside
it, where the penalties act).

Usage (versions pinned in benchmarks/requirements-coco.txt):
    pip install -r benchmarks/requirements-coco.txt
    python3 benchmarks/bbob_known_answers.py > benchmarks/bbob-known-answers.csv
"""
import ctypes
import sys

import cocoex
import cocoex.interface

FUNCTIONS = range(1, 25)
DIMENSIONS = (2, 3, 5, 10, 20, 40)
INSTANCES = (1, 2, 5, 15, 71, 110)
HALF_WIDTHS = (5.0, 5.0, 5.0, 5.0, 7.0, 50.0)
MASK = (1 << 64) - 1


def point(function, dimension, instance, k):
    state = (1000003 * function + 10007 * dimension + 101 * instance + k) & MASK
    half = HALF_WIDTHS[k]
    x = []
    for _ in range(dimension):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        x.append(-half + 2 * half * ((state >> 11) / 2.0**53))
    return x


def best_values():
    """coco_problem_get_best_value through the compiled module's exported C functions."""
    lib = ctypes.CDLL(cocoex.interface.__file__)
    lib.coco_get_bbob_problem.restype = ctypes.c_void_p
    lib.coco_get_bbob_problem.argtypes = [ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]
    lib.coco_problem_get_best_value.restype = ctypes.c_double
    lib.coco_problem_get_best_value.argtypes = [ctypes.c_void_p]
    lib.coco_problem_free.argtypes = [ctypes.c_void_p]

    def best(function, dimension, instance):
        problem = lib.coco_get_bbob_problem(function, dimension, instance)
        value = lib.coco_problem_get_best_value(problem)
        lib.coco_problem_free(problem)
        return value
    return best


def main():
    best = best_values()
    instances = ",".join(str(i) for i in INSTANCES)
    suite = cocoex.Suite("bbob", "instances: " + instances, "")
    out = sys.stdout
    out.write("# cocoex %s; see benchmarks/bbob_known_answers.py\n" % cocoex.__version__)
    out.write("function,dimension,instance,point,f_opt,value\n")
    rows = []
    for problem in suite:
        f, d, i = problem.id_function, problem.dimension, problem.id_instance
        f_opt = best(f, d, i)
        for k in range(len(HALF_WIDTHS)):
            rows.append((f, d, i, k, f_opt, problem(point(f, d, i, k))))
        problem.free()
    rows.sort()
    for f, d, i, k, f_opt, value in rows:
        out.write("%d,%d,%d,%d,%r,%r\n" % (f, d, i, k, float(f_opt), float(value)))


if __name__ == "__main__":
    main()
