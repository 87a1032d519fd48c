/* SPDX-License-Identifier: MIT */

/* A fork child is named by the fork argument, cut to 15 bytes. */

#include "tests/lib.h"

/* Forks a child with a 22-byte name. */
void
test_main(int argc, char *argv[])
{
  pid_t pid = fork_checked("child-with-long-name22");

  if (pid == 0)
    exit(3);
  msg("wait = %d", wait(pid));
}
