/* SPDX-License-Identifier: MIT */

/* read into a NULL buffer kills the caller. */

#include "tests/lib.h"

/* Makes the bad call; returning from it is a failure. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("target", 64);

  msg("read into NULL");
  read(fd, NULL, 10);
  fail("the call returned");
}
