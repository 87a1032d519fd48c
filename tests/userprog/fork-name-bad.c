/* SPDX-License-Identifier: MIT */

/* fork with a bad name pointer kills the caller, not a child. */

#include "tests/lib.h"

/* Forks with a kernel address as the name. */
void
test_main(int argc, char *argv[])
{
  msg("fork with a kernel-address name");
  fork(KERNEL_ADDR);
  fail("fork returned");
}
