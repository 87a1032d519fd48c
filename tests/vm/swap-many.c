/* SPDX-License-Identifier: MIT */

/* Ten children at once on the 40 MB machine, each writing and checking
   2.5 MiB: 25 MiB together, more than its user memory, so they swap each
   other out.  A barrier (a byte per child in a shared file) makes all ten
   hold their data at the same time; while waiting, each keeps checking
   its own, which keeps the pressure on.  Each exits with a digest of its
   data, which the parent compares with the digest of the pattern; the
   exit lines come in any order (ignore-exit).  A child killed before it
   reaches the barrier leaves the others waiting: the test then ends in
   its timeout, and the kernel log names the kill. */

#include "tests/vm/vm-lib.h"

#define CHILDREN 10
#define WORDS (5 * MIB / 2 / sizeof(uint64_t))

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
