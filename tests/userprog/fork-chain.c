/* SPDX-License-Identifier: MIT */

/* Thirty processes alive at once in a chain: each forks the next and
   waits for it, so the exit lines come out deepest first. */

#include "tests/lib.h"

#define DEPTH 30

/* Forks the rest of the chain below LEVEL; returns the chain length seen
   from here. */
static int
chain(int level)
{
  pid_t pid;

  if (level == DEPTH)
    return 0;
  pid = fork_checked("chain");
  if (pid == 0)
    exit(chain(level + 1));
  return wait(pid) + 1;
}

/* Builds the chain and prints its length. */
void
test_main(int argc, char *argv[])
{
  msg("chain length %d", chain(0));
}
