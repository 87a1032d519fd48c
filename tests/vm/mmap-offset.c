/* SPDX-License-Identifier: MIT */

/* A non-zero offset maps the file from that page on: the mapping shows
   file bytes 8192.., and a store at mapping byte 10 lands at file byte
   8202, leaving byte 10 alone. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)
#define SIZE (4 * 4096)

/* Maps pages 2 and 3 of a 4-page file. */
void
test_main(int argc, char *argv[])
{
  static char want[SIZE], back[SIZE];
  int fd = create_open("file", SIZE);

  pattern_write(fd, SIZE, 12);
  pattern_fill(want, SIZE, 12);
  msg("mmap at offset 8192: %s",
      mmap(ADDR, 8192, 1, fd, 8192) == ADDR ? "mapped" : "refused");
  msg("shows file bytes 8192..16383: %s",
      yes_no(!memcmp(ADDR, want + 8192, 8192)));
  ADDR[10] = '#';
  munmap(ADDR);
  want[8192 + 10] = '#';
  seek(fd, 0);
  read(fd, back, SIZE);
  msg("file has the store at 8202 and nothing else changed: %s",
      yes_no(!memcmp(back, want, SIZE)));
}
