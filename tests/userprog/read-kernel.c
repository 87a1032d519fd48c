/* SPDX-License-Identifier: MIT */

/* read into a buffer at KERN_BASE kills the caller. */

#include "tests/lib.h"

/* Makes the bad call; returning from it is a failure. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("target", 64);

  msg("read into a kernel address");
  read(fd, KERNEL_ADDR, 10);
  fail("the call returned");
}
