/* SPDX-License-Identifier: MIT */

/* After munmap the range is gone: no page is present, and a load from
   it kills the process. */

#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

/* Maps, touches, unmaps, touches again. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 8192);

  if (mmap(ADDR, 8192, 1, fd, 0) != ADDR)
    fail("mmap failed");
  ADDR[0] = 1;
  ADDR[4096] = 2;
  munmap(ADDR);
  msg("pages present after munmap: %d", present(ADDR) + present(ADDR + 4096));
  msg("loading from the old mapping");
  msg("read %d", *(volatile char *)(ADDR + 4096));
  fail("survived the load");
}
