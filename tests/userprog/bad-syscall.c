/* SPDX-License-Identifier: MIT */

/* A system-call number Pagoda does not define (the first past the last,
   SYS_NR_END) kills. */

#include "tests/lib.h"

/* Issues call SYS_NR_END. */
void
test_main(int argc, char *argv[])
{
  msg("system call past the last");
  syscall_raw(SYS_NR_END, 0, 0, 0, 0, 0, 0);
  fail("returned");
}
