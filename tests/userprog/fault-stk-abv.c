/* SPDX-License-Identifier: MIT */

/* A load at USER_STACK, just above the stack, kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile char *p = (char *)0x47480000UL;

  msg("reading USER_STACK");
  msg("read %d", *p);
  fail("survived the fault");
}
