/* SPDX-License-Identifier: MIT */

/* A command line that runs off the top of the stack kills the caller of
   exec. */

#include "tests/lib.h"

/* Passes an unterminated command line ending at USER_STACK. */
void
test_main(int argc, char *argv[])
{
  char *line = stack_top_bytes(12);

  msg("exec with a command line running off the stack");
  exec(line);
  fail("exec returned");
}
