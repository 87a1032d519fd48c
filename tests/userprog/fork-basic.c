/* SPDX-License-Identifier: MIT */

/* fork returns 0 in the child and the child's pid in the parent; wait
   returns the child's status after its exit line is out. */

#include "tests/lib.h"

/* Forks a child that exits with 5. */
void
test_main(int argc, char *argv[])
{
  pid_t pid = fork_checked("forked");
  int status;

  if (pid == 0) {
    msg("in the child");
    exit(5);
  }
  status = wait(pid);
  msg("child pid positive: %s", pid > 0 ? "yes" : "no");
  msg("wait = %d", status);
}
