/* SPDX-License-Identifier: MIT */

/* A store at rsp - 16, just past the rsp - 8 allowance, on a page the
   process does not have is not stack growth: the process is killed, even
   though the address is well inside the 1 MiB stack area. */

#include "tests/vm/vm-lib.h"

/* Moves rsp to a fresh page boundary and stores 16 bytes below it. */
void
test_main(int argc, char *argv[])
{
  uintptr_t deep = (uintptr_t)USER_STACK_TOP - 256 * 1024;

  msg("storing at rsp - 16 on an untouched page");
  store_with_rsp(deep + 8, -16);
  fail("survived the store");
}
