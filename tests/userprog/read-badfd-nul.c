/* SPDX-License-Identifier: MIT */

/* The buffer is checked before the fd: read with a bad fd and a NULL buffer
 * kills. */

#include "tests/lib.h"

/* Makes the bad call; returning from it is a failure. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("target", 64);

  msg("read (77, NULL, 10)");
  read(77, NULL, 10);
  (void)fd;
  fail("the call returned");
}
