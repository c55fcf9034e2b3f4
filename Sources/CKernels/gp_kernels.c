#include "gp_kernels.h"

/* No fused multiply-add anywhere: each product is rounded before it is added, as in Swift.
   The pragma forbids contraction to clang; a build that makes FMA available to the whole file
   (-mfma, -march=native) or allows contraction regardless (-ffast-math) gets no AVX forms, and
   the portable Swift loops run instead. */
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__) && defined(__clang__) && !defined(__FMA__) && !defined(__FAST_MATH__)
#include <immintrin.h>
#define AVX __attribute__((target("avx")))

int parzen_gp_kernels_have_avx(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx") ? 1 : 0;
}

/* Swift's SIMD4.sum(): the lanes added left to right. */
AVX static inline double lane_sum(__m256d s) {
    double lanes[4];
    _mm256_storeu_pd(lanes, s);
    return ((lanes[0] + lanes[1]) + lanes[2]) + lanes[3];
}

/* GPProducts.dot: two four-lane sums over blocks of eight, their lanewise sum, then the rest. */
AVX static inline double dot(const double *a, const double *b, ptrdiff_t count) {
    __m256d s0 = _mm256_setzero_pd(), s1 = _mm256_setzero_pd();
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        s0 = _mm256_add_pd(s0, _mm256_mul_pd(_mm256_loadu_pd(a + i), _mm256_loadu_pd(b + i)));
        s1 = _mm256_add_pd(s1, _mm256_mul_pd(_mm256_loadu_pd(a + i + 4), _mm256_loadu_pd(b + i + 4)));
    }
    double sum = lane_sum(_mm256_add_pd(s0, s1));
    for (; i < count; i++) sum += a[i] * b[i];
    return sum;
}

/* y = T·x, one vector. */
AVX static void lower_product(const double *t, const double *x, double *y, ptrdiff_t n) {
    ptrdiff_t a = 0;
    for (; a + 4 <= n; a += 4) {
        const double *r0 = t + a * n, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
        __m256d s0 = _mm256_setzero_pd(), s1 = _mm256_setzero_pd(), s2 = _mm256_setzero_pd(), s3 = _mm256_setzero_pd();
        for (ptrdiff_t o = 0; o < a + 4; o += 4) {
            __m256d xs = _mm256_loadu_pd(x + o);
            s0 = _mm256_add_pd(s0, _mm256_mul_pd(_mm256_loadu_pd(r0 + o), xs));
            s1 = _mm256_add_pd(s1, _mm256_mul_pd(_mm256_loadu_pd(r1 + o), xs));
            s2 = _mm256_add_pd(s2, _mm256_mul_pd(_mm256_loadu_pd(r2 + o), xs));
            s3 = _mm256_add_pd(s3, _mm256_mul_pd(_mm256_loadu_pd(r3 + o), xs));
        }
        y[a] = lane_sum(s0);
        y[a + 1] = lane_sum(s1);
        y[a + 2] = lane_sum(s2);
        y[a + 3] = lane_sum(s3);
    }
    for (; a < n; a++) y[a] = dot(t + a * n, x, a + 1);
}

/* Two vectors per pass over four rows, so each block of T is read once for both: per vector
   the operations of lower_product. */
AVX void parzen_gp_lower_products_avx(const double *t, const double *x, double *y, ptrdiff_t n, ptrdiff_t m) {
    ptrdiff_t j = 0;
    for (; j + 2 <= m; j += 2) {
        const double *xa = x + j * n, *xb = xa + n;
        double *ya = y + j * n, *yb = ya + n;
        ptrdiff_t a = 0;
        for (; a + 4 <= n; a += 4) {
            const double *r0 = t + a * n, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
            __m256d a0 = _mm256_setzero_pd(), a1 = _mm256_setzero_pd(), a2 = _mm256_setzero_pd(), a3 = _mm256_setzero_pd();
            __m256d b0 = _mm256_setzero_pd(), b1 = _mm256_setzero_pd(), b2 = _mm256_setzero_pd(), b3 = _mm256_setzero_pd();
            for (ptrdiff_t o = 0; o < a + 4; o += 4) {
                __m256d u = _mm256_loadu_pd(xa + o), v = _mm256_loadu_pd(xb + o);
                __m256d t0 = _mm256_loadu_pd(r0 + o), t1 = _mm256_loadu_pd(r1 + o);
                __m256d t2 = _mm256_loadu_pd(r2 + o), t3 = _mm256_loadu_pd(r3 + o);
                a0 = _mm256_add_pd(a0, _mm256_mul_pd(t0, u));
                b0 = _mm256_add_pd(b0, _mm256_mul_pd(t0, v));
                a1 = _mm256_add_pd(a1, _mm256_mul_pd(t1, u));
                b1 = _mm256_add_pd(b1, _mm256_mul_pd(t1, v));
                a2 = _mm256_add_pd(a2, _mm256_mul_pd(t2, u));
                b2 = _mm256_add_pd(b2, _mm256_mul_pd(t2, v));
                a3 = _mm256_add_pd(a3, _mm256_mul_pd(t3, u));
                b3 = _mm256_add_pd(b3, _mm256_mul_pd(t3, v));
            }
            ya[a] = lane_sum(a0);
            ya[a + 1] = lane_sum(a1);
            ya[a + 2] = lane_sum(a2);
            ya[a + 3] = lane_sum(a3);
            yb[a] = lane_sum(b0);
            yb[a + 1] = lane_sum(b1);
            yb[a + 2] = lane_sum(b2);
            yb[a + 3] = lane_sum(b3);
        }
        for (; a < n; a++) {
            ya[a] = dot(t + a * n, xa, a + 1);
            yb[a] = dot(t + a * n, xb, a + 1);
        }
    }
    for (; j < m; j++) lower_product(t, x + j * n, y + j * n, n);
}

AVX void parzen_gp_lower_transposed_product_avx(const double *t, const double *v, double *w, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) w[i] = 0;
    ptrdiff_t a = 0;
    for (; a + 4 <= n; a += 4) {
        const double *r0 = t + a * n, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
        __m256d v0 = _mm256_set1_pd(v[a]), v1 = _mm256_set1_pd(v[a + 1]);
        __m256d v2 = _mm256_set1_pd(v[a + 2]), v3 = _mm256_set1_pd(v[a + 3]);
        for (ptrdiff_t o = 0; o < a + 4; o += 4) {
            __m256d sum = _mm256_loadu_pd(w + o);
            sum = _mm256_add_pd(sum, _mm256_mul_pd(v0, _mm256_loadu_pd(r0 + o)));
            sum = _mm256_add_pd(sum, _mm256_mul_pd(v1, _mm256_loadu_pd(r1 + o)));
            sum = _mm256_add_pd(sum, _mm256_mul_pd(v2, _mm256_loadu_pd(r2 + o)));
            sum = _mm256_add_pd(sum, _mm256_mul_pd(v3, _mm256_loadu_pd(r3 + o)));
            _mm256_storeu_pd(w + o, sum);
        }
    }
    /* GPProducts.addScaled, one row at a time: each entry y_i + α·x_i on its own. */
    for (; a < n; a++) {
        const double *row = t + a * n;
        double alpha = v[a];
        for (ptrdiff_t i = 0; i <= a; i++) w[i] += alpha * row[i];
    }
}

#else

int parzen_gp_kernels_have_avx(void) { return 0; }

/* Never called without AVX; present so that the module links on every platform. */
void parzen_gp_lower_products_avx(const double *t, const double *x, double *y, ptrdiff_t n, ptrdiff_t m) {
    (void)t; (void)x; (void)y; (void)n; (void)m;
    __builtin_trap();
}
void parzen_gp_lower_transposed_product_avx(const double *t, const double *v, double *w, ptrdiff_t n) {
    (void)t; (void)v; (void)w; (void)n;
    __builtin_trap();
}

#endif
