/* SPDX-License-Identifier: MIT */

/* munmap writes back every page stored to: a 6-page file is rewritten
   with a new pattern through its mapping (the last page only in part),
   and after munmap a read of the file sees exactly the new bytes; the
   range is gone (no page present). */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)
#define SIZE (6 * 4096)

/* Rewrites the file through the mapping. */
void
test_main(int argc, char *argv[])
{
  static char want[SIZE], back[SIZE];
  int fd = create_open("file", SIZE);

  pattern_write(fd, SIZE, 1);
  pattern_fill(want, SIZE, 1);
  pattern_fill(want, SIZE - 1000, 2);
  if (mmap(ADDR, SIZE, 1, fd, 0) != ADDR)
    fail("mmap failed");
  pattern_fill(ADDR, SIZE - 1000, 2);
  munmap(ADDR);
  msg("range gone after munmap: %s",
      yes_no(!present(ADDR) && !present(ADDR + SIZE - 1)));
  seek(fd, 0);
  msg("read %d bytes", read(fd, back, SIZE));
  msg("file holds the new bytes: %s", yes_no(!memcmp(back, want, SIZE)));
}
