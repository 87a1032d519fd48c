/* SPDX-License-Identifier: MIT */

/* create (NULL) kills the caller. */

#include "tests/lib.h"

/* Passes a NULL name. */
void
test_main(int argc, char *argv[])
{
  msg("create (NULL)");
  create(NULL, 0);
  fail("create (NULL) returned");
}
