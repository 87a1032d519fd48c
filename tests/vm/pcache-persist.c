/* SPDX-License-Identifier: MIT */

/* Dirty page-cache pages reach the disk: a first boot (pcache-persw)
   wrote one page of a file with write() and two through a mapping that
   its exit wrote back; this boot, with a cold cache, reads them all back
   from the disk. */

#include <string.h>
#include "tests/vm/vm-lib.h"

static char page[4096];

/* True if the 4096 bytes at PAGE are all C except at EXCEPT (-1: none),
   which holds E. */
static bool
all_of(char c, int except, char e)
{
  for (int i = 0; i < 4096; i++)
    if (page[i] != (i == except ? e : c))
      return false;
  return true;
}

void
test_main(int argc, char *argv[])
{
  struct vmstat s0, s1;
  int fd = open_checked("kept");
  bool ok[3];
  vmstat_machine(&s0);
  for (int i = 0; i < 3; i++)
    ok[i] = read(fd, page, 4096) == 4096 && all_of(i == 0   ? 'w'
                                                   : i == 1 ? 'm'
                                                            : 0,
                                                   i == 2 ? 5 : -1, 'e');
  vmstat_machine(&s1);
  msg("the pages came from the disk: %s",
      yes_no(s1.pcache_misses - s0.pcache_misses >= 3));
  msg("page written by write(): %s", yes_no(ok[0]));
  msg("page stored through the mapping: %s", yes_no(ok[1]));
  msg("page with one stored byte: %s", yes_no(ok[2]));
}
