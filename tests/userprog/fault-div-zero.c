/* SPDX-License-Identifier: MIT */

/* An integer division by zero (divide error) kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile int dividend = 1, divisor = 0;

  msg("dividing by zero");
  msg("quotient %d", dividend / divisor);
  fail("survived the fault");
}
