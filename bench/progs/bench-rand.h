/* SPDX-License-Identifier: MIT */
#ifndef BENCH_PROGS_BENCH_RAND_H
#define BENCH_PROGS_BENCH_RAND_H

/* The benchmarks' deterministic generator (xorshift64), so a run is
   repeatable and the kernel's own generator is not needed.  Shared by the
   guest programs (bench.h) and the host's reference-string generator
   (bench/refs.c), which must draw the same numbers. */

#include <stdint.h>

static inline uint64_t
bench_rand(uint64_t *state)
{
  uint64_t x = *state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return *state = x;
}

#endif
