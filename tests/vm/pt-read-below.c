/* SPDX-License-Identifier: MIT */

/* The kernel judges stack growth inside a system call with the user rsp
   saved at entry: read() into an untouched stack page 64 KiB below rsp is
   not growth, so the call kills the process (and, with a zero length,
   does nothing at all). */

#include "tests/vm/vm-lib.h"

/* Reads into the stack area far below the stack pointer. */
void
test_main(int argc, char *argv[])
{
  char *below = (char *)__builtin_frame_address(0) - 64 * 1024;
  int fd = create_open("file", 100);

  msg("target page untouched: %s", yes_no(!present(below)));
  msg("zero-length read: %d", read(fd, below, 0));
  msg("reading 100 bytes 64 KiB below rsp");
  read(fd, below, 100);
  fail("the call returned");
}
