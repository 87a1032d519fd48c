/* SPDX-License-Identifier: MIT */

/* A store into a string literal (read-only data) kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  static const char *const literal = "read-only text";
  volatile char *p = (char *)literal;

  msg("writing into a string literal");
  *p = 'R';
  fail("survived the fault");
}
