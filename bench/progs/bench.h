/* SPDX-License-Identifier: MIT */
#ifndef BENCH_PROGS_BENCH_H
#define BENCH_PROGS_BENCH_H

/* Helpers shared by the benchmark programs that bench/run-bench boots.

   bench_clock reads the time-stamp counter.  Under `-icount shift=0' QEMU
   derives it from the instruction count, so a difference of two readings
   is the number of guest instructions in between (kernel ones included):
   a precise in-guest measure that needs no differential boots.  Without
   icount it follows the host's counter and means little; run-bench then
   times whole boots instead.

   Every result goes to the console as one `bench: KEY=VALUE ...' line, the
   only format run-bench parses. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>

#include "bench-rand.h"

#define BENCH_PAGE 4096

/* The time-stamp counter (instructions, under icount). */
static inline uint64_t
bench_clock(void)
{
  uint32_t lo, hi;
  asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
  return ((uint64_t)hi << 32) | lo;
}

/* ARGV[I] as a positive number, or exit(2) with a usage complaint. */
static inline int
bench_arg(int argc, char *argv[], int i)
{
  int v = i < argc ? atoi(argv[i]) : 0;
  if (v <= 0) {
    printf("%s: argument %d must be a positive number\n", argv[0], i);
    exit(2);
  }
  return v;
}

/* One result line: what was done OPS times in CLOCKS. */
static inline void
bench_report(const char *what, long ops, uint64_t clocks)
{
  printf("bench: what=%s ops=%ld clocks=%llu\n", what, ops,
         (unsigned long long)clocks);
}

#endif /* BENCH_PROGS_BENCH_H */
