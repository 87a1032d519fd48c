/* SPDX-License-Identifier: MIT */

/* Two opens of one file give two fds with independent positions. */

#include <string.h>
#include "tests/lib.h"

/* Reads through one fd and checks the other still starts at 0. */
void
test_main(int argc, char *argv[])
{
  char a[8], b[8];
  int fd1 = open_checked("sample.txt");
  int fd2 = open_checked("sample.txt");

  msg("fds %d and %d", fd1, fd2);
  read(fd1, a, 6);
  read(fd1, a, 6);
  read(fd2, b, 6);
  a[6] = b[6] = '\0';
  msg("second read of fd1: '%s', first read of fd2: '%s'", a, b);
  msg("tell: %u and %u", tell(fd1), tell(fd2));
}
