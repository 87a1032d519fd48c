/* SPDX-License-Identifier: MIT */
/* refs: the page reference strings of the VM benchmark programs, for
 * `tools/pagoda opt' (OPT and LRU fault counts to compare the kernel's
 * replacement policies with).
 *
 *   refs [-r] [-k K] bwalk PAGES PASSES
 *   refs [-r] [-k K] brand PAGES ACCESSES
 *   refs [-r] [-k K] bpar KIDS PAGES PASSES TURN
 *   refs [-r] [-k K] bsort COUNT
 *   refs [-r] [-k K] bhot HOT COLD SCAN ROUNDS
 *   refs [-r] [-k K] reduce          (reference string on stdin)
 *
 * Each workload runs the loop of its program in bench/progs/ on the host,
 * with the same arguments and seeds, and records the page of every array
 * access (the programs' code, stack and small variables are left out:
 * tools/pagoda opt accounts for them as always-resident pages).  bpar's
 * children take turns of TURN passes each, round robin: a model, since the
 * kernel's real interleaving follows time slices and disk waits (a pass
 * of bpar over 192 pages is about 0.3 M instructions, a time slice 40 M
 * under icount, so a child that does not wait does about 130 passes).
 *
 * Output: one page number a line, then `# raw N' with the length before
 * reduction.  Unless -r, the string is reduced the safe way (Kaplan,
 * Smaragdakis and Wilson's idea of dropping references that cannot matter):
 * the string is cut greedily into windows of at most K distinct pages and
 * only the first and the last reference to each page in a window are
 * kept.  For any memory of at least K frames, LRU and OPT fault exactly as
 * on the full string: a dropped reference lies between two kept ones to
 * the same page with at most K distinct pages in between, so it hits, and
 * the pages outside the window keep their order.  merge sort's 30 million
 * references become a few hundred thousand.  Host tool: -O2, no
 * sanitizers (it is a benchmark helper, tested through tools/pagoda's
 * unit tests). */

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/progs/bench-rand.h"

#define MAX_K 16
#define PAGE_WORDS32 1024 /* uint32_t per page */
#define SCRATCH_BASE (1u << 24)

/* The reducer's window. */
static int window_k = 4;
static bool reduce = true;
static uint32_t win_page[MAX_K];
static uint64_t win_first[MAX_K], win_last[MAX_K];
static int win_len;
static uint64_t pos; /* References seen. */

/* Emits the kept references of the window, in their original order. */
static void
flush(void)
{
  uint64_t at[2 * MAX_K];
  uint32_t page[2 * MAX_K];
  int n = 0;
  for (int w = 0; w < win_len; w++) {
    at[n] = win_first[w], page[n++] = win_page[w];
    if (win_last[w] != win_first[w])
      at[n] = win_last[w], page[n++] = win_page[w];
  }
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && at[j - 1] > at[j]; j--) {
      uint64_t t = at[j];
      at[j] = at[j - 1], at[j - 1] = t;
      uint32_t p = page[j];
      page[j] = page[j - 1], page[j - 1] = p;
    }
  for (int i = 0; i < n; i++)
    printf("%" PRIu32 "\n", page[i]);
  win_len = 0;
}

/* One reference to PAGE. */
static void
touch(uint32_t page)
{
  uint64_t t = pos++;
  if (!reduce) {
    printf("%" PRIu32 "\n", page);
    return;
  }
  for (int w = 0; w < win_len; w++)
    if (win_page[w] == page) {
      win_last[w] = t;
      return;
    }
  if (win_len == window_k)
    flush();
  win_page[win_len] = page;
  win_first[win_len] = win_last[win_len] = t;
  win_len++;
}

/* bench/progs/bwalk.c */
static void
bwalk(int n, int passes)
{
  for (int p = 1; p <= passes; p++)
    for (int i = 0; i < n; i++)
      touch((uint32_t)i);
}

/* bench/progs/brand.c: pages[i] (pages 0..n-1) and tally[i] (uint32_t,
   1024 to a page, after them). */
static void
brand(int n, int accesses)
{
  uint64_t rng = 0x9e3779b97f4a7c15ull;
  for (int a = 0; a < accesses; a++) {
    uint64_t r = bench_rand(&rng);
    int i = (int)(r % (uint64_t)n);
    uint32_t tally = (uint32_t)(n + i / PAGE_WORDS32);
    touch((uint32_t)i);
    touch(tally);
    if (r & (1ull << 40)) {
      touch(tally);
      touch((uint32_t)i);
    }
  }
}

/* bench/progs/bpar.c: child c's page i is c * n + i; turns of TURN
   passes. */
static void
bpar(int kids, int n, int passes, int turn)
{
  for (int t = 0; t < passes; t += turn)
    for (int c = 0; c < kids; c++)
      for (int p = t; p < passes && p < t + turn; p++)
        for (int i = 0; i < n; i++)
          touch((uint32_t)(c * n + i));
}

/* bench/progs/bsort.c, with every array access recorded: data[] in pages
   from 0, scratch[] from SCRATCH_BASE. */
static uint32_t *sort_base[2];

static uint32_t
page_of(const uint32_t *a, int i)
{
  uint32_t base = a == sort_base[0] ? 0 : SCRATCH_BASE;
  return base + (uint32_t)(i / PAGE_WORDS32);
}

static void
merge(const uint32_t *src, uint32_t *dst, int lo, int mid, int hi)
{
  int i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    touch(page_of(src, j));
    touch(page_of(src, i));
    touch(page_of(dst, k));
    dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
  }
  for (; i < mid; i++) {
    touch(page_of(src, i));
    touch(page_of(dst, k));
    dst[k++] = src[i];
  }
  for (; j < hi; j++) {
    touch(page_of(src, j));
    touch(page_of(dst, k));
    dst[k++] = src[j];
  }
}

static int
bsort(int n)
{
  uint32_t *data = calloc((size_t)n, sizeof *data);
  uint32_t *scratch = calloc((size_t)n, sizeof *scratch);
  if (data == NULL || scratch == NULL)
    return 1;
  sort_base[0] = data, sort_base[1] = scratch;
  uint64_t rng = 12345;
  for (int i = 0; i < n; i++) {
    touch(page_of(data, i));
    data[i] = (uint32_t)bench_rand(&rng);
  }
  uint32_t *a = data, *tmp = scratch;
  for (int width = 1; width < n; width *= 2) {
    for (int lo = 0; lo < n; lo += 2 * width) {
      int mid = lo + width < n ? lo + width : n;
      int hi = lo + 2 * width < n ? lo + 2 * width : n;
      merge(a, tmp, lo, mid, hi);
    }
    uint32_t *t = a;
    a = tmp, tmp = t;
  }
  for (int i = 0; i < n; i++) {
    if (i > 0)
      touch(page_of(a, i - 1));
    touch(page_of(a, i));
  }
  free(data);
  free(scratch);
  return 0;
}

/* bench/progs/bhot.c: hot pages 0..nhot-1, cold pages after them. */
static void
bhot(int nhot, int ncold, int scan, int rounds)
{
  long next = 0;
  for (int r = 0; r < rounds; r++) {
    for (int h = 0; h < nhot; h++)
      touch((uint32_t)h);
    for (int s = 0; s < scan; s++, next++)
      touch((uint32_t)(nhot + next % ncold));
  }
}

static void
from_stdin(void)
{
  unsigned long page;
  char line[64];
  while (fgets(line, sizeof line, stdin) != NULL)
    if (line[0] != '#' && sscanf(line, "%lu", &page) == 1)
      touch((uint32_t)page);
}

static int
usage(void)
{
  fprintf(stderr, "usage: refs [-r] [-k K] bwalk PAGES PASSES | brand PAGES "
                  "ACCESSES | bpar KIDS PAGES PASSES TURN | bsort COUNT | bhot "
                  "HOT COLD SCAN ROUNDS | reduce\n");
  return 2;
}

/* ARGV[I] as a positive number, or -1. */
static int
arg(int argc, char *argv[], int i)
{
  return i < argc && atoi(argv[i]) > 0 ? atoi(argv[i]) : -1;
}

static int
run(int argc, char *argv[])
{
  const char *w = argv[0];
  int a = arg(argc, argv, 1), b = arg(argc, argv, 2);
  int c = arg(argc, argv, 3), d = arg(argc, argv, 4);
  if (!strcmp(w, "bwalk") && argc == 3 && a > 0 && b > 0)
    bwalk(a, b);
  else if (!strcmp(w, "brand") && argc == 3 && a > 0 && b > 0)
    brand(a, b);
  else if (!strcmp(w, "bpar") && argc == 5 && a > 0 && b > 0 && c > 0 && d > 0)
    bpar(a, b, c, d);
  else if (!strcmp(w, "bsort") && argc == 2 && a > 0)
    return bsort(a);
  else if (!strcmp(w, "bhot") && argc == 5 && a > 0 && b > 0 && c > 0 && d > 0)
    bhot(a, b, c, d);
  else if (!strcmp(w, "reduce") && argc == 1)
    from_stdin();
  else
    return usage();
  return 0;
}

int
main(int argc, char *argv[])
{
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    if (!strcmp(argv[i], "-r"))
      reduce = false;
    else if (!strcmp(argv[i], "-k") && i + 1 < argc) {
      window_k = atoi(argv[++i]);
      if (window_k < 1 || window_k > MAX_K)
        return usage();
    } else
      return usage();
  }
  if (i >= argc)
    return usage();
  int status = run(argc - i, argv + i);
  if (status == 0) {
    flush();
    printf("# raw %" PRIu64 "\n", pos);
  }
  return status;
}
