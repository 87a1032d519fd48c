/* SPDX-License-Identifier: MIT */

/* A child can be waited for once; the second wait returns -1. */

#include "tests/lib.h"

/* Waits twice for one child. */
void
test_main(int argc, char *argv[])
{
  pid_t pid = fork_checked("once");

  if (pid == 0)
    exit(7);
  msg("first wait = %d", wait(pid));
  msg("second wait = %d", wait(pid));
}
