/* SPDX-License-Identifier: MIT */
/* bsort COUNT -- bottom-up merge sort of COUNT pseudo-random 32-bit
   numbers, with an equal-sized scratch array.  Each pass streams through
   both arrays, so with 8 x COUNT bytes above the user pool it is a
   sequential, read-mostly swap workload.  Checks order and the sum. */

#include "bench/progs/bench.h"

#define MAX_COUNT (4 << 20)

static uint32_t data[MAX_COUNT], scratch[MAX_COUNT];

/* Merges the sorted runs SRC[lo, mid) and SRC[mid, hi) into DST[lo, hi). */
static void
merge(const uint32_t *src, uint32_t *dst, int lo, int mid, int hi)
{
  int i = lo, j = mid, k = lo;
  while (i < mid && j < hi)
    dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
  while (i < mid)
    dst[k++] = src[i++];
  while (j < hi)
    dst[k++] = src[j++];
}

/* Sorts A (N numbers) using TMP; returns the array that holds the result. */
static uint32_t *
merge_sort(uint32_t *a, uint32_t *tmp, int n)
{
  for (int width = 1; width < n; width *= 2) {
    for (int lo = 0; lo < n; lo += 2 * width) {
      int mid = lo + width < n ? lo + width : n;
      int hi = lo + 2 * width < n ? lo + 2 * width : n;
      merge(a, tmp, lo, mid, hi);
    }
    uint32_t *t = a;
    a = tmp;
    tmp = t;
  }
  return a;
}

/* Fills, sorts, checks and reports the clocks of the sort. */
int
main(int argc, char *argv[])
{
  int n = bench_arg(argc, argv, 1);
  if (n > MAX_COUNT)
    return 2;
  uint64_t rng = 12345, sum = 0;
  for (int i = 0; i < n; i++)
    sum += data[i] = (uint32_t)bench_rand(&rng);
  uint64_t start = bench_clock();
  uint32_t *out = merge_sort(data, scratch, n);
  uint64_t clocks = bench_clock() - start;
  for (int i = 0; i < n; i++) {
    sum -= out[i];
    if (i > 0 && out[i - 1] > out[i]) {
      printf("bsort: out of order at %d\n", i);
      return 1;
    }
  }
  if (sum != 0) {
    printf("bsort: the numbers changed\n");
    return 1;
  }
  bench_report("merge-sort", n, clocks);
  return 0;
}
