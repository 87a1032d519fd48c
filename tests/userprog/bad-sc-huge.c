/* SPDX-License-Identifier: MIT */

/* A huge system-call number kills. */

#include "tests/lib.h"

/* Issues call 0x7fffffff. */
void
test_main(int argc, char *argv[])
{
  msg("system call 0x7fffffff");
  syscall_raw(0x7fffffff, 1, 2, 3, 4, 5, 6);
  fail("returned");
}
