/* SPDX-License-Identifier: MIT */

/* The first stack page is the only one made present at exec: at the top
   of test_main (a few small frames below _start) the top page is present
   and the next page down has never been touched, so it is absent. */

#include "tests/vm/vm-lib.h"

/* Looks at the stack before doing anything that needs much of it. */
void
test_main(int argc, char *argv[])
{
  uintptr_t rsp = (uintptr_t)__builtin_frame_address(0);
  bool top = present(USER_STACK_TOP - 1);
  bool second = present(USER_STACK_TOP - PAGE - 1);
  bool in_first = rsp >= (uintptr_t)USER_STACK_TOP - PAGE;

  msg("still inside the first stack page: %s", yes_no(in_first));
  msg("first stack page present: %s", yes_no(top));
  msg("second stack page present: %s", yes_no(second));
  msg("argv inside the first page: %s",
      yes_no((uintptr_t)argv >= (uintptr_t)USER_STACK_TOP - PAGE));
}
