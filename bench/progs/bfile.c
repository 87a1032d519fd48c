/* SPDX-License-Identifier: MIT */
/* bfile N REPS [cold] -- N x REPS file-page faults: writes an N-page file
   whose every page carries its number, then REPS times maps it, reads one
   word of each page and unmaps it.  Each first read takes a fault that
   maps the page's frame in the page cache (vm/pagecache.c).  The file
   stays open, so after an untimed first round every fault finds its
   page cached ("cached"); with `cold' the file is closed and opened again
   before each round, which drops its cache, so every fault reads its
   eight sectors from the disk and the cost includes the (emulated)
   device.  Only the touching loops are timed. */

#include <string.h>
#include "bench/progs/bench.h"

#define FILE_NAME "bfile.dat"
#define MAP_ADDR ((void *)0x10000000)

/* Creates FILE_NAME with N pages, page I holding I in its first word.
   Returns an open descriptor, or -1. */
static int
make_file(int n)
{
  static char page[BENCH_PAGE];
  remove(FILE_NAME);
  if (!create(FILE_NAME, (unsigned)n * BENCH_PAGE)) /* Files never grow. */
    return -1;
  int fd = open(FILE_NAME);
  for (int i = 0; fd >= 0 && i < n; i++) {
    *(int *)page = i;
    if (write(fd, page, sizeof page) != sizeof page)
      return -1;
  }
  return fd;
}

/* Maps the file, touches every page, unmaps it.  Returns the clocks of
   the touching loop, or 0 when a page held the wrong number. */
static uint64_t
touch_mapping(int fd, int n)
{
  volatile int *map = mmap(MAP_ADDR, (size_t)n * BENCH_PAGE, 0, fd, 0);
  if (map == MAP_FAILED)
    return 0;
  int bad = 0;
  uint64_t start = bench_clock();
  for (int i = 0; i < n; i++)
    bad += map[i * (BENCH_PAGE / sizeof *map)] != i;
  uint64_t clocks = bench_clock() - start;
  munmap((void *)map);
  return bad == 0 ? clocks : 0;
}

/* Makes the file, maps and touches it REPS times, reports the loops. */
int
main(int argc, char *argv[])
{
  int n = bench_arg(argc, argv, 1), reps = bench_arg(argc, argv, 2);
  bool cold = argc > 3 && !strcmp(argv[3], "cold");
  int fd = make_file(n);
  uint64_t clocks = 0;
  /* Cached: an untimed first round brings every page into the cache. */
  if (!cold && fd >= 0 && touch_mapping(fd, n) == 0) {
    printf("bfile: the warm-up round failed\n");
    return 1;
  }
  for (int r = 0; fd >= 0 && r < reps; r++) {
    if (cold) {
      close(fd); /* The last close: the file's page cache goes. */
      fd = open(FILE_NAME);
      if (fd < 0)
        break;
    }
    uint64_t c = touch_mapping(fd, n);
    if (c == 0) {
      printf("bfile: round %d failed to map or read back %d pages\n", r, n);
      return 1;
    }
    clocks += c;
  }
  if (fd < 0) {
    printf("bfile: cannot make a %d-page file\n", n);
    return 1;
  }
  bench_report(cold ? "file-fault-cold" : "file-fault", (long)n * reps, clocks);
  return 0;
}
