/* SPDX-License-Identifier: MIT */

/* exec runs another program in the forked child, which keeps its name
   (the exit line shows the fork name); wait returns the new program's
   status. */

#include "tests/lib.h"

/* Forks and execs child-simple. */
void
test_main(int argc, char *argv[])
{
  pid_t pid = fork_checked("exec-child");

  if (pid == 0) {
    exec("child-simple");
    fail("exec returned");
  }
  msg("wait = %d", wait(pid));
}
