/* SPDX-License-Identifier: MIT */

/* Lock fairness under contention (a regression test): four children of
   1 MiB each meet at a barrier file; each polls the shared file in a tight
   loop (seek, read 4 bytes) until all four have written their byte.  With
   a semaphore that lets a running thread take a just-released lock before
   the woken waiter runs, the last writer kept losing the file-system lock
   to the pollers and the test ran for minutes; with hand-off it takes a
   few ticks.  Each child exits with a digest of its memory, which the
   parent checks. */

#include "tests/vm/vm-lib.h"

#define CHILDREN 4
#define WORDS (1 * MIB / sizeof(uint64_t))

static uint64_t region[WORDS];

/* Starts the children and checks their statuses. */
void
test_main(int argc, char *argv[])
{
  pid_t pids[CHILDREN];
  int i, good = 0;

  barrier_spawn(region, WORDS, 500, CHILDREN, "swapper", pids);
  for (i = 0; i < CHILDREN; i++)
    good += wait(pids[i]) == words_digest(WORDS, 500 + i);
  msg("children with the right digest: %d of %d", good, CHILDREN);
}
