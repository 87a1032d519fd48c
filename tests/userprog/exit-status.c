/* SPDX-License-Identifier: MIT */

/* exit(N) ends the process at once and the exit line shows N. */

#include "tests/lib.h"

/* Exits with 57 from inside a nested call. */
static void
leave(int status)
{
  msg("calling exit(%d)", status);
  exit(status);
}

/* Exits through leave(); returning would show status 0 instead. */
void
test_main(int argc, char *argv[])
{
  leave(50 + 7);
  fail("exit returned");
}
