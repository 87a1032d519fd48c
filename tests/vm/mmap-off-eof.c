/* SPDX-License-Identifier: MIT */

/* An offset at or past the end of the file is legal: the pages read as
   zeros, stores to them stay in memory, and munmap writes nothing (the
   file neither grows nor changes).  Checked at offset = file length, one
   page past it, and the largest page-aligned offset. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define SIZE 8192

static const int offsets[] = {SIZE, SIZE + 4096, 0x7ffff000};

/* True if the first N bytes at P are zero. */
static bool
all_zero(const char *p, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (p[i] != 0)
      return false;
  return true;
}

/* Maps each offset, stores, unmaps, checks the file. */
void
test_main(int argc, char *argv[])
{
  static char back[SIZE];
  int fd = create_open("file", SIZE);
  size_t i;

  pattern_write(fd, SIZE, 4);
  for (i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
    char *addr = (char *)0x10000000 + i * 0x100000;
    char *p = mmap(addr, 2 * 4096, 1, fd, offsets[i]);

    msg("offset %d: %s", offsets[i], p == addr ? "mapped" : "refused");
    if (p != addr)
      continue;
    msg("reads zeros: %s", yes_no(all_zero(p, 2 * 4096)));
    memset(p, 'w', 2 * 4096);
    munmap(p);
  }
  seek(fd, 0);
  msg("file size %d, contents unchanged: %s", filesize(fd),
      yes_no(read(fd, back, SIZE) == SIZE &&
             pattern_check(back, SIZE, 4) == SIZE));
}
