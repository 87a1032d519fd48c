/* SPDX-License-Identifier: MIT */
/* bsys MODE N -- N round trips through a system call that does nothing:
   MODE `inumber' is a reserved call answered with -1 at once, `tell' asks
   the position of an invalid descriptor (a descriptor-table lookup).
   What is left is the entry, the dispatch and the return. */

#include <string.h>
#include "bench/progs/bench.h"

/* Runs the loop and reports its clocks. */
int
main(int argc, char *argv[])
{
  if (argc < 2 || (strcmp(argv[1], "inumber") && strcmp(argv[1], "tell"))) {
    printf("usage: bsys inumber|tell N\n");
    return 2;
  }
  bool use_tell = !strcmp(argv[1], "tell");
  int n = bench_arg(argc, argv, 2);
  int bad = 0;
  uint64_t start = bench_clock();
  for (int i = 0; i < n; i++)
    bad += use_tell ? tell(-1) != (unsigned)-1 : inumber(0) != -1;
  uint64_t clocks = bench_clock() - start;
  if (bad != 0) {
    printf("bsys: %d calls gave an unexpected answer\n", bad);
    return 1;
  }
  bench_report(argv[1], n, clocks);
  return 0;
}
