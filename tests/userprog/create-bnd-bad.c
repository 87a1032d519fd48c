/* SPDX-License-Identifier: MIT */

/* A name whose bytes run off the top of the stack into the unmapped page
   above it, with no NUL before, kills the caller. */

#include "tests/lib.h"

/* Passes an unterminated name ending at USER_STACK. */
void
test_main(int argc, char *argv[])
{
  char *name = stack_top_bytes(8);

  msg("create with a name running off the stack");
  create(name, 0);
  fail("create returned");
}
