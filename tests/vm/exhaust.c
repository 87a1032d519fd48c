/* SPDX-License-Identifier: MIT */

/* Memory exhaustion kills the process that runs out, not the kernel: on
   the 10 MB machine with 4 units of swap (about 8 MiB of RAM and swap for
   users), a child touching 16 MiB of BSS is killed (exit -1).  Twice, to
   show it repeats; afterwards the parent's own data are intact and a
   child of modest size runs fine. */

#include "tests/vm/vm-lib.h"

#define HOG_WORDS (16 * MIB / sizeof(uint64_t))
#define MODEST_WORDS (MIB / sizeof(uint64_t))
#define MINE_WORDS (256 * 1024 / sizeof(uint64_t))

static uint64_t hog_area[HOG_WORDS];
static uint64_t mine[MINE_WORDS];

/* Forks a child that touches every page of hog_area; returns its status. */
static int
run_hog(void)
{
  pid_t pid = fork_checked("hog");

  if (pid == 0) {
    size_t i;

    for (i = 0; i < HOG_WORDS; i += PAGE / sizeof(uint64_t))
      hog_area[i] = i;
    exit(0);
  }
  return wait(pid);
}

/* Two hogs, then a modest child. */
void
test_main(int argc, char *argv[])
{
  pid_t pid;

  words_fill(mine, MINE_WORDS, 3);
  msg("first hog: %d", run_hog());
  msg("second hog: %d", run_hog());
  msg("parent's data intact: %s",
      yes_no(words_check(mine, MINE_WORDS, 3) == MINE_WORDS));
  pid = fork_checked("modest");
  if (pid == 0) {
    words_fill(hog_area, MODEST_WORDS, 4);
    exit(words_check(hog_area, MODEST_WORDS, 4) == MODEST_WORDS ? 0 : 1);
  }
  msg("modest child: %d", wait(pid));
}
