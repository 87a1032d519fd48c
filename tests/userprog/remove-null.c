/* SPDX-License-Identifier: MIT */

/* remove (NULL) kills the caller. */

#include "tests/lib.h"

/* Makes the bad call; returning from it is a failure. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("target", 64);

  msg("remove (NULL)");
  (void)fd;
  remove(NULL);
  fail("the call returned");
}
