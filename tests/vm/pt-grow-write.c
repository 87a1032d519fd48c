/* SPDX-License-Identifier: MIT */

/* write() from a local buffer whose pages were never touched: the kernel
   grows the stack to read it, and what reaches the file is zeros (a new
   stack page is zero-filled). */

#include "tests/vm/vm-lib.h"

#define SIZE (10 * 1024)

/* Writes from an untouched region of a 40 KiB frame. */
static int NO_INLINE
write_from_stack(int fd)
{
  char buffer[40 * 1024];
  char *source = buffer + 300;
  bool fresh = !present(source) && !present(source + SIZE - 1);
  int n = write(fd, source, SIZE);

  msg("source pages untouched before the call: %s", yes_no(fresh));
  asm volatile("" : : "r"(buffer) : "memory");
  return n;
}

/* Fills a file with non-zero bytes, overwrites it from the stack. */
void
test_main(int argc, char *argv[])
{
  static char back[SIZE];
  int fd = create_open("stkfile", SIZE);
  int zeros = 0, i;

  pattern_write(fd, SIZE, 9);
  seek(fd, 0);
  msg("write returned %d", write_from_stack(fd));
  seek(fd, 0);
  read(fd, back, SIZE);
  for (i = 0; i < SIZE; i++)
    zeros += back[i] == 0;
  msg("zero bytes in the file: %d of %d", zeros, SIZE);
}
