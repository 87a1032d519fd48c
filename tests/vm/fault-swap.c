/* SPDX-License-Identifier: MIT */

/* A failing swap disk (manifest key swap-fault), on a machine of 64 user
   frames: `fault-swap MODE' forks a child that writes 2 MiB of BSS (512
   pages, so most go to swap) and reads it all back, then a second child
   of the same size (read) or a small one (allwrite).  The parent keeps
   64 KiB of its own data, checked at the end.

     read      slot 300 fails one read: the first child, whose page is
               there, is killed; the second child runs normally.
     write     slot 300 fails every write: eviction keeps the page and
               takes another slot; both children finish with their data.
     allwrite  every swap write fails: no anonymous page can leave its
               frame, so the big child is killed for want of memory; the
               small child and the parent are unaffected.

   The parent's pages go to swap first (the clock reaches them first) and
   so sit in low slots, well below slot 300. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define BIG_WORDS (2 * MIB / sizeof(uint64_t))
#define SMALL_WORDS (8 * PAGE / sizeof(uint64_t))
#define MINE_WORDS (64 * 1024 / sizeof(uint64_t))

static uint64_t area[BIG_WORDS];
static uint64_t mine[MINE_WORDS];

/* Forks a child NAME that fills and checks WORDS words; its status. */
static int
run_child(const char *name, size_t words, uint64_t seed)
{
  pid_t pid = fork_checked(name);

  if (pid == 0) {
    words_fill(area, words, seed);
    exit(words_check(area, words, seed) == words ? 0 : 1);
  }
  return wait(pid);
}

/* Runs the two children of MODE and checks the parent's data. */
void
test_main(int argc, char *argv[])
{
  const char *mode = argc > 1 ? argv[1] : "read";
  bool small = strcmp(mode, "allwrite") == 0;

  words_fill(mine, MINE_WORDS, 9);
  msg("first child: %d", run_child("big", BIG_WORDS, 1));
  msg("second child: %d", small ? run_child("small", SMALL_WORDS, 2)
                                : run_child("big2", BIG_WORDS, 2));
  msg("parent's data intact: %s",
      yes_no(words_check(mine, MINE_WORDS, 9) == MINE_WORDS));
}
