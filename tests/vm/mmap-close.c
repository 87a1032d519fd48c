/* SPDX-License-Identifier: MIT */

/* A mapping holds its own reference to the file: after close(fd) it is
   still readable and writable, and munmap still writes back; the fd
   number can even be reused by another open meanwhile. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

/* Maps, closes, uses, unmaps, checks. */
void
test_main(int argc, char *argv[])
{
  static char back[8192];
  int fd = create_open("file", 8192), other, again;

  pattern_write(fd, 8192, 50);
  if (mmap(ADDR, 8192, 1, fd, 0) != ADDR)
    fail("mmap failed");
  close(fd);
  other = create_open("other", 100);
  msg("fd number reused: %s", yes_no(other == fd));
  msg("mapping reads the file after close: %s",
      yes_no(pattern_check(ADDR, 8192, 50) == 8192));
  memcpy(ADDR + 5000, "after close", 11);
  munmap(ADDR);
  again = open_checked("file");
  read(again, back, 8192);
  msg("store after close reached the file: %s",
      yes_no(!memcmp(back + 5000, "after close", 11)));
  seek(other, 0);
  read(other, back, 100);
  msg("the other file untouched: %s", yes_no(back[0] == 0 && back[99] == 0));
}
