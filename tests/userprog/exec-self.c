/* SPDX-License-Identifier: MIT */

/* The initial process may exec too: the new program prints under its own
   argv[0] while the exit line keeps the original name. */

#include "tests/lib.h"

/* Replaces itself with child-simple. */
void
test_main(int argc, char *argv[])
{
  msg("about to exec");
  exec("child-simple");
  fail("exec returned");
}
