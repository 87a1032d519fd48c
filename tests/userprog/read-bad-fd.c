/* SPDX-License-Identifier: MIT */

/* read and write on fds that are not open (negative, huge, never issued)
   and on the wrong console direction return -1 without a kill. */

#include <limits.h>
#include "tests/lib.h"

/* Probes read and write with bad fds and a valid buffer. */
void
test_main(int argc, char *argv[])
{
  static const int fds[] = {-1, INT_MIN, INT_MAX, 77, 1023};
  char buffer[4] = "abc";
  size_t i;

  for (i = 0; i < sizeof fds / sizeof *fds; i++)
    msg("fd %d: read = %d, write = %d", fds[i], read(fds[i], buffer, 3),
        write(fds[i], buffer, 3));
  msg("read from console output = %d", read(STDOUT_FILENO, buffer, 3));
  msg("write to console input = %d", write(STDIN_FILENO, buffer, 3));
}
