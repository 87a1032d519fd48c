/* SPDX-License-Identifier: MIT */

/* A failing disk under the page cache (manifest key fs-fault: every read
   of the first sector of fault.txt fails; the file is one page): the page
   cannot be cached, so read() of its bad sector fails every time while
   its good sectors still read (from the disk, not the cache), a mapped
   touch of the page kills only the toucher, and the kernel stays up. */

#include <string.h>
#include "tests/vm/vm-lib.h"

static char buf[512];

void
test_main(int argc, char *argv[])
{
  int fd = open_checked("fault.txt");
  struct vmstat s0, s1;
  vmstat_machine(&s0);
  msg("read of the bad sector: %d", read(fd, buf, 100));
  msg("again: %d", read(fd, buf, 100));
  int good = 0;
  for (int i = 0; i < 2; i++) {
    seek(fd, 1024);
    good += read(fd, buf, 512) == 512 && (buf[511] = '\0', true) &&
            strstr(buf, "data line 19: the quick") != NULL;
  }
  vmstat_machine(&s1);
  msg("a good sector reads, twice: %s", yes_no(good == 2));
  msg("the page never entered the cache: %s",
      yes_no(s1.pcache_misses == s0.pcache_misses &&
             s1.pcache_frames == s0.pcache_frames));
  msg("child touching the page through mmap: %d",
      mapped_byte_in_child(fd, 1024));
  msg("still up: %s", yes_no(create("after", 10) && remove("after")));
}
