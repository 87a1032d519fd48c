/* SPDX-License-Identifier: MIT */

/* Random access to a working set of 6 MiB, about 1.5 times the user
   memory of the 10 MB machine: an array holding 0 .. N-1 has random pairs
   swapped many times, so every swap touches two random pages, most of
   them out on swap.  The array must still be a permutation at the end
   (checked with a bitmap: a page lost or mixed up on its way through swap
   leaves duplicates and holes).  Also a `make bench' workload. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define COUNT (6 * MIB / sizeof(uint32_t))
#define SWAPS 30000

static uint32_t values[COUNT];
static uint8_t seen[COUNT / 8];

/* Number of distinct values in range, each found once. */
static size_t
distinct_values(void)
{
  size_t i, distinct = 0;

  memset(seen, 0, sizeof seen);
  for (i = 0; i < COUNT; i++) {
    uint32_t v = values[i];

    if (v < COUNT && !(seen[v / 8] & (1 << (v % 8)))) {
      seen[v / 8] |= 1 << (v % 8);
      distinct++;
    }
  }
  return distinct;
}

/* Fills, swaps at random, checks. */
void
test_main(int argc, char *argv[])
{
  uint64_t state = rng_seed(2024);
  size_t i, moved = 0;

  for (i = 0; i < COUNT; i++)
    values[i] = i;
  for (i = 0; i < SWAPS; i++) {
    size_t a = rng_next(&state) % COUNT, b = rng_next(&state) % COUNT;
    uint32_t t = values[a];

    values[a] = values[b];
    values[b] = t;
  }
  for (i = 0; i < COUNT; i++)
    moved += values[i] != i;
  msg("values moved by the swaps: %s", yes_no(moved > SWAPS));
  msg("distinct values: %zu of %zu", distinct_values(), (size_t)COUNT);
}
