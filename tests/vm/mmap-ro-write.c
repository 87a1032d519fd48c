/* SPDX-License-Identifier: MIT */

/* A mapping made with writable = 0 is readable, and a store into it
   kills the process. */

#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

/* Maps read-only, reads, then stores. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 4096);

  pattern_write(fd, 4096, 2);
  msg("read-only mmap: %s",
      mmap(ADDR, 4096, 0, fd, 0) == ADDR ? "mapped" : "refused");
  msg("reads the file: %s", yes_no(pattern_check(ADDR, 4096, 2) == 4096));
  msg("storing into it");
  *(volatile char *)ADDR = 1;
  fail("survived the store");
}
