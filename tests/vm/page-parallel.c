/* SPDX-License-Identifier: MIT */

/* Four children at once, each writing and checking 3 MiB of its own
   pattern: together more than the 9 MiB of user memory of the 20 MB
   machine, so they evict each other's pages.  A barrier (a byte per child
   in a shared file) makes sure all four hold their data at the same time;
   while waiting each child keeps re-checking its own.  Each child exits
   with a digest of what it read back, and the parent compares it with the
   digest it computes from the pattern formula.  The children's exit lines
   come in any order, so the manifest drops them (ignore-exit).  A child
   killed before it reaches the barrier leaves the others waiting: the
   test then ends in its timeout, and the kernel log names the kill.  Also
   a `make bench' workload. */

#include "tests/vm/vm-lib.h"

#define CHILDREN 4
#define WORDS (3 * MIB / sizeof(uint64_t))

static uint64_t region[WORDS];

/* Starts the children, then checks their statuses. */
void
test_main(int argc, char *argv[])
{
  pid_t pids[CHILDREN];
  int i;

  barrier_spawn(region, WORDS, 100, CHILDREN, "walker", pids);
  for (i = 0; i < CHILDREN; i++) {
    int status = wait(pids[i]);

    msg("child %d digest matches: %s", i,
        yes_no(status == words_digest(WORDS, 100 + i)));
  }
}
