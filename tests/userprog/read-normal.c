/* SPDX-License-Identifier: MIT */

/* read returns what write stored, then 0 at the end of the file. */

#include "tests/lib.h"

/* Writes a pattern, reads it back in odd-sized pieces and compares. */
void
test_main(int argc, char *argv[])
{
  static char buffer[1000];
  int fd = create_open("pattern", sizeof buffer);
  int total = 0, n;

  msg("wrote %d bytes", pattern_write(fd, sizeof buffer, 7));
  seek(fd, 0);
  while ((n = read(fd, buffer + total, 333)) > 0)
    total += n;
  msg("read %d bytes in total, last read = %d", total, n);
  msg("first mismatch at %zu", pattern_check(buffer, total, 7));
}
