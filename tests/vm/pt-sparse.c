/* SPDX-License-Identifier: MIT */

/* Stack growth is sparse and per page: pushes at 900 KiB and then 100 KiB
   below the top each add exactly their own page; the pages between stay
   absent, and both pushed words keep their values. */

#include "tests/vm/vm-lib.h"

/* Counts present pages of the stack area between DEPTH_LO and DEPTH_HI
   KiB below the top (DEPTH_LO > DEPTH_HI). */
static int
present_between(int depth_lo, int depth_hi)
{
  int count = 0, kib;

  for (kib = depth_lo; kib > depth_hi; kib -= 4)
    count += present(USER_STACK_TOP - kib * 1024);
  return count;
}

/* Grows at two depths and looks at the pages around them. */
void
test_main(int argc, char *argv[])
{
  uintptr_t far = (uintptr_t)USER_STACK_TOP - 900 * 1024;
  uintptr_t near = (uintptr_t)USER_STACK_TOP - 100 * 1024;
  uint64_t a = push_at(far, 111), b = push_at(near, 222);

  msg("pushed values back: %s", yes_no(a == 111 && b == 222));
  msg("both pages present: %s",
      yes_no(present((void *)(far - 8)) && present((void *)(near - 8))));
  msg("present pages strictly between them: %d", present_between(896, 104));
  msg("present pages from 1 MiB to 900 KiB deep: %d",
      present_between(1024, 904));
  msg("first word of each page zero: %s",
      yes_no(*(uint64_t *)(far - 4096) == 0 &&
             *(uint64_t *)(near - 4096) == 0));
}
