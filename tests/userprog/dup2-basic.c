/* SPDX-License-Identifier: MIT */

/* dup2 makes an alias that shares the open file, position included. */

#include "tests/lib.h"

/* Reads through both fds of an alias pair and watches the position. */
void
test_main(int argc, char *argv[])
{
  char buffer[5];
  int fd = create_open("shared", 100);
  int alias = dup2(fd, 10);

  msg("dup2 (%d, 10) = %d", fd, alias);
  read(fd, buffer, 5);
  msg("after reading 5 through fd %d, tell (10) = %u", fd, tell(10));
  read(10, buffer, 5);
  msg("after reading 5 through fd 10, tell (%d) = %u", fd, tell(fd));
  msg("same fd again: dup2 (10, 10) = %d, tell = %u", dup2(10, 10), tell(10));
}
