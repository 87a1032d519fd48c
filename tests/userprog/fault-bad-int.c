/* SPDX-License-Identifier: MIT */

/* A software interrupt to a kernel-only vector (vector 14 is not a user gate)
   kills. The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  msg("executing int $14");
  asm volatile("int $14");
  fail("survived the fault");
}
