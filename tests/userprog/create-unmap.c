/* SPDX-License-Identifier: MIT */

/* create with a name in an unmapped user page kills the caller. */

#include "tests/lib.h"

/* Passes an unmapped user address as the name. */
void
test_main(int argc, char *argv[])
{
  msg("create with an unmapped address");
  create(UNMAPPED_ADDR, 0);
  fail("create returned");
}
