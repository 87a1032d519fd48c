/* SPDX-License-Identifier: MIT */

/* A system-call number Pagoda does not define (here 27) kills. */

#include "tests/lib.h"

/* Issues call 27. */
void
test_main(int argc, char *argv[])
{
  msg("system call 27");
  syscall_raw(27, 0, 0, 0, 0, 0, 0);
  fail("returned");
}
