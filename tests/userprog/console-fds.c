/* SPDX-License-Identifier: MIT */

/* The Pagoda answers for console and invalid fds: filesize -1, tell 0 on
   the console and (unsigned) -1 on a bad fd, seek ignored, no kills. */

#include <limits.h>
#include "tests/lib.h"

/* Probes the console fds and some bad ones. */
void
test_main(int argc, char *argv[])
{
  seek(STDIN_FILENO, 10);
  seek(STDOUT_FILENO, 10);
  seek(-5, 10);
  seek(500, 10);
  msg("filesize: %d %d %d", filesize(0), filesize(1), filesize(-1));
  msg("tell: %u %u", tell(STDIN_FILENO), tell(STDOUT_FILENO));
  msg("tell (-1) = %u, tell (INT_MAX) = %u", tell(-1), tell(INT_MAX));
}
