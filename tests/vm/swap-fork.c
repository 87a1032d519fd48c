/* SPDX-License-Identifier: MIT */

/* fork of a process with swapped-out pages (10 MB machine): the parent
   fills 6 MiB of BSS, more than user memory, so much of it is on swap
   when it forks.  The child must see the same data, whether the kernel
   copies or shares the swapped pages; it then rewrites all of it, which
   the parent must not see. */

#include "tests/vm/vm-lib.h"

#define WORDS (6 * MIB / sizeof(uint64_t))

static uint64_t area[WORDS];

/* The child: 1 for the inherited data, 2 more for its own rewrite. */
static int
child(void)
{
  int status = 0;

  if (words_check(area, WORDS, 1) == WORDS)
    status |= 1;
  words_fill(area, WORDS, 2);
  if (words_check(area, WORDS, 2) == WORDS)
    status |= 2;
  return status;
}

/* Fills, forks, waits, checks its own copy. */
void
test_main(int argc, char *argv[])
{
  struct vmstat st;
  pid_t pid;

  words_fill(area, WORDS, 1);
  vmstat(&st);
  msg("pages on swap before fork: %s", yes_no(st.swap_slots_used > 0));
  pid = fork_checked("swapped-child");
  if (pid == 0)
    exit(child());
  msg("child status (3 = saw the data and its own rewrite): %d", wait(pid));
  msg("parent's data unchanged: %s",
      yes_no(words_check(area, WORDS, 1) == WORDS));
}
