/* SPDX-License-Identifier: MIT */

/* An SSE instruction kills (pintos-abi.md 3 and 4.5: user code is built
   without SSE; the kernel leaves it disabled). */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  msg("executing xorps");
  asm volatile("xorps %xmm0, %xmm0");
  fail("survived the fault");
}
