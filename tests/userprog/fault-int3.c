/* SPDX-License-Identifier: MIT */

/* A breakpoint trap (int3) in user mode kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  msg("executing int3");
  asm volatile("int3");
  fail("survived the fault");
}
