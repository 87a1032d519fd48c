/* SPDX-License-Identifier: MIT */

/* Only pages modified through a mapping are written back
   (pintos-abi.md 7.5): page 0 is only read through the mapping, then
   changed by write(); munmap must not put the mapping's stale copy back
   over it.  Page 1, stored to through the mapping, is written back. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

/* Reads both pages through the mapping, changes page 0 by write(). */
void
test_main(int argc, char *argv[])
{
  static char back[8192];
  int fd = create_open("file", 8192);
  int sum = 0, i;

  pattern_write(fd, 8192, 40);
  if (mmap(ADDR, 8192, 1, fd, 0) != ADDR)
    fail("mmap failed");
  for (i = 0; i < 8192; i += 512)
    sum += ADDR[i];
  seek(fd, 100);
  msg("write() over page 0: %d", write(fd, "written by write()", 18));
  ADDR[4096 + 200] = '@';
  munmap(ADDR);
  seek(fd, 0);
  read(fd, back, 8192);
  msg("page 0 keeps write()'s bytes: %s",
      yes_no(!memcmp(back + 100, "written by write()", 18)));
  msg("page 1 has the mapping's store: %s", yes_no(back[4096 + 200] == '@'));
  msg("rest of page 0 untouched: %s",
      yes_no(pattern_check(back, 100, 40) == 100));
  asm volatile("" : : "r"(sum));
}
