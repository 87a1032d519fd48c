/* SPDX-License-Identifier: MIT */

/* write to the console from a NULL buffer kills the caller. */

#include "tests/lib.h"

/* Makes the bad call; returning from it is a failure. */
void
test_main(int argc, char *argv[])
{
  int fd = STDOUT_FILENO;

  msg("write (1, NULL, 5)");
  write(fd, NULL, 5);
  fail("the call returned");
}
