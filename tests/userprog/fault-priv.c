/* SPDX-License-Identifier: MIT */

/* A privileged instruction (hlt) in user mode kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  msg("executing hlt");
  asm volatile("hlt");
  fail("survived the fault");
}
