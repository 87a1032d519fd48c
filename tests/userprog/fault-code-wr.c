/* SPDX-License-Identifier: MIT */

/* A store into the program's own text (a read-only segment) kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile char *p = code_address();

  msg("writing into the code");
  *p = 0xc3;
  fail("survived the fault");
}
