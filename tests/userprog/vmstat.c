/* SPDX-License-Identifier: MIT */

/* vmstat (Pagoda) fills in counters that are consistent: free frames at
   most the total, and touching fresh pages takes frames away. */

#include "tests/lib.h"

static volatile char fresh[16 * 4096];

/* Faults resolved in any way. */
static uint64_t
fault_total(const struct vmstat *s)
{
  return s->faults_zero + s->faults_file + s->faults_swap_in + s->faults_stack +
         s->faults_cow;
}

/* Reads the counters before and after touching 16 pages. */
void
test_main(int argc, char *argv[])
{
  struct vmstat before, after;
  int i;

  msg("vmstat = %d", vmstat(&before));
  msg("free <= total: %s",
      before.user_frames_free <= before.user_frames_total ? "yes" : "no");
  msg("swap used <= total: %s",
      before.swap_slots_used <= before.swap_slots_total ? "yes" : "no");
  for (i = 0; i < 16; i++)
    fresh[i * 4096] = 1;
  vmstat(&after);
  msg("page faults grew by at least 16: %s",
      fault_total(&after) >= fault_total(&before) + 16 ? "yes" : "no");
}
