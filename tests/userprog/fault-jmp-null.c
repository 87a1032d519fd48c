/* SPDX-License-Identifier: MIT */

/* A call through a NULL function pointer kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  void (*function)(void) = NULL;

  asm volatile("" : "+r"(function));
  msg("calling address 0");
  function();
  fail("survived the fault");
}
