/* SPDX-License-Identifier: MIT */

/* Shared body of vmstat-clean and vmstat-noclean: the clean_pages_written
   counter (a page written to swap although its saved copy there was still
   valid) must move when the debug knob -vm-write-clean makes eviction do
   exactly that, and stay at zero otherwise.  The walk writes 8 MiB on the
   10 MB machine (pages go to swap), then only reads it twice: pages come
   back from swap, keep their slots, and are evicted again unmodified. */

#include "tests/vm/vm-lib.h"

#define WORDS (8 * MIB / sizeof(uint64_t))

static uint64_t area[WORDS];

/* Writes, then reads twice; prints what the counter did meanwhile. */
static void
clean_written_run(void)
{
  struct vmstat before, after;
  words_fill(area, WORDS, 11);
  vmstat(&before);
  bool intact = true;
  for (int pass = 0; pass < 2; pass++)
    intact &= words_check(area, WORDS, 11) == WORDS;
  vmstat(&after);
  msg("data intact: %s", yes_no(intact));
  msg("pages came back from swap: %s",
      yes_no(after.faults_swap_in >= before.faults_swap_in + 1000));
  msg("clean pages written during the read-only passes: %s",
      after.clean_pages_written > before.clean_pages_written ? "some" : "none");
}
