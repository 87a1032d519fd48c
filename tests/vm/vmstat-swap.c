/* SPDX-License-Identifier: MIT */

/* The swap counters on the 10 MB machine.  First a child walks 8 MiB of
   BSS and exits: afterwards its swap slots are free again (the parent,
   which holds few pages, leaves the used count about where it was).
   Then the parent walks the same 8 MiB itself: its own counters (fault
   counters are per process) show evictions, swap writes and swap reads,
   at least one per page beyond its share of memory. */

#include "tests/vm/vm-lib.h"

#define WORDS (8 * MIB / sizeof(uint64_t))

static uint64_t area[WORDS];

/* Fills and checks the area; true if it held. */
static bool
walk(uint64_t seed)
{
  words_fill(area, WORDS, seed);
  return words_check(area, WORDS, seed) == WORDS;
}

/* Runs the child walker, then walks itself, comparing counters. */
void
test_main(int argc, char *argv[])
{
  struct vmstat a, b, c;
  pid_t pid;

  vmstat(&a);
  pid = fork_checked("walker");
  if (pid == 0)
    exit(walk(6) ? 0 : 1);
  msg("walker: %d", wait(pid));
  vmstat(&b);
  msg("swap slots freed at exit: %s",
      yes_no(b.swap_slots_used <= a.swap_slots_used + 64));
  msg("own walk intact: %s", yes_no(walk(7)));
  vmstat(&c);
  msg("evictions grew by at least 1000: %s",
      yes_no(c.evictions >= b.evictions + 1000));
  msg("swap writes grew by at least 1000: %s",
      yes_no(c.swap_writes >= b.swap_writes + 1000));
  msg("swap reads grew by at least 1000: %s",
      yes_no(c.swap_reads >= b.swap_reads + 1000));
  msg("used slots within the total: %s",
      yes_no(c.swap_slots_used <= c.swap_slots_total));
}
