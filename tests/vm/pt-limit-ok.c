/* SPDX-License-Identifier: MIT */

/* The stack may reach exactly 1 MiB below USER_STACK: a push whose store
   lands on the lowest byte of the allowed range grows the stack there. */

#include "tests/vm/vm-lib.h"

/* Pushes onto the lowest legal stack word. */
void
test_main(int argc, char *argv[])
{
  uintptr_t lowest = (uintptr_t)USER_STACK_TOP - STACK_LIMIT;
  uint64_t back = push_at(lowest + 8, 0x5a5a1234);

  msg("push onto the last legal word read back: %s",
      yes_no(back == 0x5a5a1234));
  msg("lowest stack page present: %s", yes_no(present((void *)lowest)));
}
