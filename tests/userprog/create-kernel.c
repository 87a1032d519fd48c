/* SPDX-License-Identifier: MIT */

/* create with a name at KERN_BASE kills the caller. */

#include "tests/lib.h"

/* Passes a kernel address as the name. */
void
test_main(int argc, char *argv[])
{
  msg("create with a kernel address");
  create(KERNEL_ADDR, 0);
  fail("create returned");
}
