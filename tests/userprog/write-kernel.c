/* SPDX-License-Identifier: MIT */

/* write from a buffer at KERN_BASE kills the caller. */

#include "tests/lib.h"

/* Makes the bad call; returning from it is a failure. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("target", 64);

  msg("write from a kernel address");
  write(fd, KERNEL_ADDR, 10);
  fail("the call returned");
}
