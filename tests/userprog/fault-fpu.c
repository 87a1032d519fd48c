/* SPDX-License-Identifier: MIT */

/* An x87 instruction kills (pintos-abi.md 3: FPU use is an unresolved
   exception in user mode).  The console shows the message and then only
   the exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  msg("executing fldz");
  asm volatile("fldz; fstp %st(0)");
  fail("survived the fault");
}
