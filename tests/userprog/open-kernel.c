/* SPDX-License-Identifier: MIT */

/* open with a name in the kernel's half kills the caller. */

#include "tests/lib.h"

/* Passes an upper-half kernel address as the name. */
void
test_main(int argc, char *argv[])
{
  msg("open with a kernel address");
  open((char *)0xffffffff80100000UL);
  fail("open returned");
}
