/* SPDX-License-Identifier: MIT */

/* read() into a local buffer whose pages were never touched: the kernel
   grows the stack while it copies (judging the address against the rsp
   saved at the system call), and the bytes arrive.  The buffer spans
   several untouched pages, 20 KiB below the lowest touched one. */

#include "tests/vm/vm-lib.h"

#define SIZE (12 * 1024)

/* Reads the file into a fresh 32 KiB frame at an odd offset. */
static void NO_INLINE
read_into_stack(int fd)
{
  char buffer[32 * 1024];
  char *target = buffer + 1000;
  bool fresh = !present(target) && !present(target + SIZE - 1);
  int n = read(fd, target, SIZE);

  msg("target pages untouched before the call: %s", yes_no(fresh));
  msg("read returned %d", n);
  msg("first mismatch at %zu of %d", pattern_check(target, SIZE, 5), SIZE);
  asm volatile("" : : "r"(buffer) : "memory");
}

/* Prepares a patterned file. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("stkfile", SIZE);

  pattern_write(fd, SIZE, 5);
  seek(fd, 0);
  read_into_stack(fd);
}
