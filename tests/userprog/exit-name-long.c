/* SPDX-License-Identifier: MIT */

/* A process name longer than 15 bytes is cut to 15 in the exit line:
   the child is named by fork's argument, which is 27 bytes long. */

#include "tests/lib.h"

void
test_main(int argc, char *argv[])
{
  pid_t pid = fork("a-very-long-child-name-here");
  if (pid == 0)
    exit(3);
  msg("child exited with %d", wait(pid));
}
