/* SPDX-License-Identifier: MIT */

/* A load from NULL kills the process.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile char *p = NULL;

  msg("reading address 0");
  msg("read %d", *p);
  fail("survived the fault");
}
