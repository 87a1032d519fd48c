/* SPDX-License-Identifier: MIT */

/* A load from a non-canonical address (a general-protection fault) kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile char *p = (char *)0x8000000000000000UL;

  msg("reading %p", (void *)p);
  msg("read %d", *p);
  fail("survived the fault");
}
