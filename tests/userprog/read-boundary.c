/* SPDX-License-Identifier: MIT */

/* read into a buffer that runs off the top of the stack kills. */

#include "tests/lib.h"

/* Makes the bad call; returning from it is a failure. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("target", 64);

  msg("read into a buffer crossing USER_STACK");
  read(fd, USER_STACK_TOP - 16, 32);
  fail("the call returned");
}
