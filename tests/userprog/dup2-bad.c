/* SPDX-License-Identifier: MIT */

/* dup2 with a bad oldfd or a negative newfd returns -1, never kills, and
   leaves newfd as it was. */

#include <limits.h>
#include "tests/lib.h"

/* Tries bad pairs and checks the target fd survived. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("target", 10);
  char byte;

  msg("dup2 (-1, 5) = %d", dup2(-1, 5));
  msg("dup2 (INT_MIN, 5) = %d", dup2(INT_MIN, 5));
  msg("dup2 (77, 5) = %d", dup2(77, 5));
  msg("dup2 (1, -2) = %d", dup2(1, -2));
  msg("dup2 (1, INT_MIN) = %d", dup2(1, INT_MIN));
  msg("dup2 (-1, %d) = %d", fd, dup2(-1, fd));
  msg("dup2 (77, %d) = %d", fd, dup2(77, fd));
  msg("fd %d still reads: %d", fd, read(fd, &byte, 1));
  msg("fd 5 was not created: %d", read(5, &byte, 1));
}
