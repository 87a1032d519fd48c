/* SPDX-License-Identifier: MIT */

/* Denial is counted per running instance: a fork child holds its own, and
   its exit does not lift the parent's. */

#include "tests/lib.h"

/* Forks, lets the child try a write, then tries again after its exit. */
void
test_main(int argc, char *argv[])
{
  int fd = open_checked(argv[0]);
  pid_t pid = fork_checked("twin");

  if (pid == 0)
    exit(write(fd, "XX", 2));
  msg("child's write = %d", wait(pid));
  msg("parent's write after the child exited = %d", write(fd, "XX", 2));
}
