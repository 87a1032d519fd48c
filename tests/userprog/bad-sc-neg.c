/* SPDX-License-Identifier: MIT */

/* A negative system-call number (all 64 bits set) kills. */

#include "tests/lib.h"

/* Issues call -1. */
void
test_main(int argc, char *argv[])
{
  msg("system call -1");
  syscall_raw((uint64_t)-1, 0, 0, 0, 0, 0, 0);
  fail("returned");
}
