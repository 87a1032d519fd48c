/* SPDX-License-Identifier: MIT */

/* A load 64 KiB below rsp is not stack growth and kills.
   The console must show the message before the fault and then only the
   exit line. */

#include "tests/lib.h"

/* Faults; reaching the end is a failure. */
void
test_main(int argc, char *argv[])
{
  volatile char *p = (char *)__builtin_frame_address(0) - 0x10000;

  msg("reading 64 KiB below the stack pointer");
  msg("read %d", *p);
  fail("survived the fault");
}
