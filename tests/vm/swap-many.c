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

/* One child: fill, arrive, check until all are there, digest (0 on a
   mismatch). */
static void NO_RETURN
child(int index)
{
  int fd = open_checked("barrier");

  words_fill(region, WORDS, 500 + index);
  barrier_arrive(fd, index);
  do
    if (words_check(region, WORDS, 500 + index) != WORDS)
      exit(0);
  while (!barrier_all_there(fd, CHILDREN));
  exit(words_digest_mem(region, WORDS));
}

/* Starts the children and checks their statuses. */
void
test_main(int argc, char *argv[])
{
  pid_t pids[CHILDREN];
  int i, good = 0;

  if (!create("barrier", CHILDREN))
    fail("create barrier");
  for (i = 0; i < CHILDREN; i++) {
    pids[i] = fork_checked("swapper");
    if (pids[i] == 0)
      child(i);
  }
  for (i = 0; i < CHILDREN; i++)
    good += wait(pids[i]) == words_digest(WORDS, 500 + i);
  msg("children with the right digest: %d of %d", good, CHILDREN);
}
