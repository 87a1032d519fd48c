/* SPDX-License-Identifier: MIT */

/* A load from the upper half, where the kernel really lives, kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile char *p = (char *)0xffffffff80100000UL;

  msg("reading %p", (void *)p);
  msg("read %d", *p);
  fail("survived the fault");
}
