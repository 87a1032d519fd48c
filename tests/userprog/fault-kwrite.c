/* SPDX-License-Identifier: MIT */

/* A store to KERN_BASE kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile char *p = KERNEL_ADDR;

  msg("writing %p", (void *)p);
  *p = 1;
  fail("survived the fault");
}
