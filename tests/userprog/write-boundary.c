/* SPDX-License-Identifier: MIT */

/* write from a buffer that runs off the top of the stack kills. */

#include "tests/lib.h"

/* Makes the bad call; returning from it is a failure. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("target", 64);

  msg("write from a buffer crossing USER_STACK");
  write(fd, stack_top_bytes(16), 32);
  fail("the call returned");
}
