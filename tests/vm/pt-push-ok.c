/* SPDX-License-Identifier: MIT */

/* The lowest legal stack address is rsp - 8, where a push stores: with
   rsp moved 512 KiB down, onto a page the process never had, a push grows
   the stack there, and so does a plain store at rsp - 8 on another fresh
   page.  The pages in between stay absent (growth is sparse). */

#include "tests/vm/vm-lib.h"

/* Pushes and stores at fresh depths and reports. */
void
test_main(int argc, char *argv[])
{
  uintptr_t deep = (uintptr_t)USER_STACK_TOP - 512 * 1024;
  uintptr_t deeper = (uintptr_t)USER_STACK_TOP - 768 * 1024;
  uint64_t back;

  msg("page below 512 KiB absent before: %s",
      yes_no(!present((void *)(deep - 8))));
  back = push_at(deep, 0x1234abcd5678ef90ULL);
  msg("push at rsp - 8 read back: %s", yes_no(back == 0x1234abcd5678ef90ULL));
  msg("page below 512 KiB present after: %s",
      yes_no(present((void *)(deep - 8))));
  store_with_rsp(deeper, -8);
  msg("store at rsp - 8 survived; page present: %s",
      yes_no(present((void *)(deeper - 8))));
  msg("page at 640 KiB still absent: %s",
      yes_no(!present(USER_STACK_TOP - 640 * 1024)));
}
