/* SPDX-License-Identifier: MIT */

/* A name that runs off the top of the stack kills the caller of open. */

#include "tests/lib.h"

/* Passes an unterminated name ending at USER_STACK. */
void
test_main(int argc, char *argv[])
{
  char *name = stack_top_bytes(5);

  msg("open with a name running off the stack");
  open(name);
  fail("open returned");
}
