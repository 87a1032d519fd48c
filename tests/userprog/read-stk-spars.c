/* SPDX-License-Identifier: MIT */

/* read into the middle of a large local array, whose pages were never
   touched, grows the stack there instead of failing (pintos-abi.md 7.2). */

#include <string.h>
#include "tests/lib.h"

/* Reads a file into untouched stack pages and compares. */
static void NO_INLINE
read_deep(int fd)
{
  char big[96 * 1024];
  int n;

  n = read(fd, big + 40000, 5000);
  msg("read %d bytes into the middle of a 96 KiB local array", n);
  msg("first mismatch at %zu", pattern_check(big + 40000, n, 3));
  big[0] = 0;
  asm volatile("" : : "r"(big) : "memory");
}

/* Prepares the file and calls read_deep. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("sparse", 5000);

  pattern_write(fd, 5000, 3);
  seek(fd, 0);
  read_deep(fd);
}
