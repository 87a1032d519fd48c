/* SPDX-License-Identifier: MIT */

/* A load from KERN_BASE, the first non-user address, kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile char *p = KERNEL_ADDR;

  msg("reading %p", (void *)p);
  msg("read %d", *p);
  fail("survived the fault");
}
