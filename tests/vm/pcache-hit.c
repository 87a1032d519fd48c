/* SPDX-License-Identifier: MIT */

/* The page cache keeps what read() brought in: a first read of a file
   misses once per page and reads the disk; a second read of it is served
   from the cache (hits, no new misses).  Seen through the page-cache
   counters of vmstat_machine; the data read back is checked both times. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define PAGES 16

static char page[4096];

/* Reads the file in FD from the start, one page per call; true if every
   page carries its number. */
static bool
read_all(int fd)
{
  seek(fd, 0);
  for (int i = 0; i < PAGES; i++)
    if (read(fd, page, sizeof page) != sizeof page || *(int *)page != i ||
        page[4095] != 'z')
      return false;
  return true;
}

void
test_main(int argc, char *argv[])
{
  int fd = create_open("data", PAGES * 4096);
  memset(page, 'z', sizeof page);
  for (int i = 0; i < PAGES; i++) {
    *(int *)page = i;
    if (write(fd, page, sizeof page) != sizeof page)
      fail("write %d", i);
  }
  struct vmstat s0, s1, s2;
  vmstat_machine(&s0);
  bool first = read_all(fd);
  vmstat_machine(&s1);
  bool second = read_all(fd);
  vmstat_machine(&s2);
  msg("first read right: %s", yes_no(first));
  msg("first read missed each page: %s",
      yes_no(s1.pcache_misses - s0.pcache_misses >= PAGES));
  msg("second read right: %s", yes_no(second));
  msg("second read hit each page: %s",
      yes_no(s2.pcache_hits - s1.pcache_hits >= PAGES));
  msg("second read missed none: %s",
      yes_no(s2.pcache_misses == s1.pcache_misses));
  msg("the cache holds the pages: %s", yes_no(s2.pcache_frames >= PAGES));
}
