#ifndef PARZEN_GP_KERNELS_H
#define PARZEN_GP_KERNELS_H

/* The GP's triangular products with 256-bit vectors (AVX, without FMA), for x86-64 machines
   that have them. Each computes the same IEEE operations in the same order as the portable
   Swift loops of GPProducts (four lanes, lane sums left to right), so the results are the same
   bytes with or without AVX. Callers check every count; these functions trust them. */

#include <stddef.h>

/* 1 when the AVX forms below may run on this machine (the CPU and the OS support them). */
int parzen_gp_kernels_have_avx(void);

/* y_j = T·x_j for the lower-triangular n × n matrix T (row-major, zeros above the diagonal)
   and m vectors: x_j at x + j·n, y_j at y + j·n. */
void parzen_gp_lower_products_avx(const double *t, const double *x, double *y, ptrdiff_t n, ptrdiff_t m);

/* w = Tᵀ·v for the lower-triangular n × n matrix T (row-major, zeros above the diagonal). */
void parzen_gp_lower_transposed_product_avx(const double *t, const double *v, double *w, ptrdiff_t n);

#endif
