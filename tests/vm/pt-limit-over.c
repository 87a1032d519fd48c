/* SPDX-License-Identifier: MIT */

/* A push that would store 8 bytes below the 1 MiB stack limit is not
   stack growth even though it is at rsp - 8: the process is killed. */

#include "tests/vm/vm-lib.h"

/* Pushes just past the limit. */
void
test_main(int argc, char *argv[])
{
  uintptr_t lowest = (uintptr_t)USER_STACK_TOP - STACK_LIMIT;

  msg("pushing below the 1 MiB limit");
  push_at(lowest, 1);
  fail("survived the push");
}
