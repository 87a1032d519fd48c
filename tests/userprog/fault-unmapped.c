/* SPDX-License-Identifier: MIT */

/* A load from an ordinary user address the process does not have kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile char *p = UNMAPPED_ADDR;

  msg("reading %p", (void *)p);
  msg("read %d", *p);
  fail("survived the fault");
}
