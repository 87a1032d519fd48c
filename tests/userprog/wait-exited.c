/* SPDX-License-Identifier: MIT */

/* A child's status is kept after it exits until the parent waits, even
   long after. */

#include "tests/lib.h"

/* Lets the child finish first, then waits. */
void
test_main(int argc, char *argv[])
{
  pid_t pid = fork_checked("early");
  int i;

  if (pid == 0)
    exit(99);
  /* Give the child ample time to exit: many cheap system calls. */
  for (i = 0; i < 3000; i++)
    tell(STDOUT_FILENO);
  msg("wait = %d", wait(pid));
}
