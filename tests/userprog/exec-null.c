/* SPDX-License-Identifier: MIT */

/* exec (NULL) kills the caller (Pagoda's choice). */

#include "tests/lib.h"

/* Passes a NULL command line. */
void
test_main(int argc, char *argv[])
{
  msg("exec (NULL)");
  exec(NULL);
  fail("exec returned");
}
