/* SPDX-License-Identifier: MIT */

/* read into BSS pages that were never touched loads them on behalf of
   the process; the bytes land where they should. */

#include "tests/lib.h"

static char lazy[64 * 1024];

/* Reads 20000 bytes across several untouched BSS pages. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("lazy", 20000);
  int n;

  pattern_write(fd, 20000, 11);
  seek(fd, 0);
  n = read(fd, lazy + 30001, 20000);
  msg("read = %d", n);
  msg("first mismatch at %zu", pattern_check(lazy + 30001, 20000, 11));
  msg("bytes before and after still zero: %s",
      lazy[30000] == 0 && lazy[50001] == 0 ? "yes" : "no");
}
