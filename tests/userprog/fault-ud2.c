/* SPDX-License-Identifier: MIT */

/* An invalid opcode (ud2) kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  msg("executing ud2");
  asm volatile("ud2");
  fail("survived the fault");
}
