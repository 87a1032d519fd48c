/* SPDX-License-Identifier: MIT */

/* create fixes the size and fills the file with zero bytes. */

#include "tests/lib.h"

#define SIZE 50000

/* Creates a 50000-byte file and counts its non-zero bytes. */
void
test_main(int argc, char *argv[])
{
  static char buffer[SIZE];
  int fd, n, nonzero = 0, i;

  msg("create = %d", create("zeros", SIZE));
  fd = open_checked("zeros");
  msg("filesize = %d", filesize(fd));
  n = read(fd, buffer, SIZE);
  for (i = 0; i < n; i++)
    nonzero += buffer[i] != 0;
  msg("read %d bytes, %d of them non-zero", n, nonzero);
}
