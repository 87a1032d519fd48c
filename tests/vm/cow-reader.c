/* SPDX-License-Identifier: MIT */

/* A reader keeps reading copy-on-write pages while its parent rewrites
   its own copy of them under memory pressure (a TLB-shootdown test; run
   with SMP=2).  After the fork both share every frame read-only; the
   parent's writes break the sharing page by page, and eviction takes
   shared and private frames alike while the child reads, on another CPU
   when there is one.  A stale translation left in the child's TLB would
   let it read a frame that now holds the parent's new data, or someone
   else's: the child must see the inherited pattern in every pass, the
   parent its own. */

#include "tests/vm/vm-lib.h"

#define WORDS (512 * 1024 / sizeof(uint64_t))
#define READER_PASSES 60
#define PARENT_PASSES 6

static uint64_t area[WORDS];

/* The child: passes whose reread found a word off the inherited pattern. */
static int
reader(void)
{
  int bad = 0;

  for (int p = 0; p < READER_PASSES; p++)
    if (words_check(area, WORDS, 1) != WORDS)
      bad++;
  return bad;
}

void
test_main(int argc, char *argv[])
{
  int bad = 0;
  pid_t pid;

  words_fill(area, WORDS, 1);
  pid = fork_checked("reader");
  if (pid == 0)
    exit(reader());
  for (int p = 0; p < PARENT_PASSES; p++) {
    words_fill(area, WORDS, 50 + p);
    if (words_check(area, WORDS, 50 + p) != WORDS)
      bad++;
  }
  msg("parent: passes with wrong words: %d", bad);
  msg("reader: passes with wrong words: %d", wait(pid));
}
