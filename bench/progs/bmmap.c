/* SPDX-License-Identifier: MIT */
/* bmmap PAGES REPS -- REPS times mmap + munmap of PAGES pages of a one-page
   file (the pages past its end read as zeros), touching nothing: the cost
   of recording and dropping a mapping, which should not grow with its
   length.  PAGES may be up to 2^24 (64 GiB). */

#include "bench/progs/bench.h"

#define MAP_AT ((void *)0x1000000000) /* Above the stack: room for 64 GiB. */

int
main(int argc, char *argv[])
{
  long pages = bench_arg(argc, argv, 1);
  int reps = bench_arg(argc, argv, 2);
  if (pages > (1l << 24)) {
    printf("bmmap: at most 2^24 pages\n");
    return 2;
  }
  create("bmmap.dat", BENCH_PAGE); /* Or there from an earlier run. */
  int fd = open("bmmap.dat");
  if (fd < 0) {
    printf("bmmap: cannot open bmmap.dat\n");
    return 1;
  }
  uint64_t t0 = bench_clock();
  for (int r = 0; r < reps; r++) {
    if (mmap(MAP_AT, pages * BENCH_PAGE, 0, fd, 0) != MAP_AT) {
      printf("bmmap: mmap of %ld pages refused\n", pages);
      return 1;
    }
    munmap(MAP_AT);
  }
  bench_report("mmap-munmap", reps, bench_clock() - t0);
  return 0;
}
