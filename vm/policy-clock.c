/* SPDX-License-Identifier: MIT */
/* Clock: one hand sweeping the frame table in frame order.
 *
 * A frame whose page was used since the hand last passed (accessed bit
 * set; the frame table clears it while asking) is passed over: its second
 * chance.  The first one not used is the victim.  The order is the frames'
 * places in the pool, not the order pages came in, which is what makes it
 * cheap: no list to keep, nothing to do at claim or free.  Two sweeps
 * always reach a decision: the first clears every bit it passes. */

#include "vm/policy.h"

static size_t clock_cnt;
size_t clock_hand; /* Not static: gdb's pagoda-frames shows it. */

static bool
clock_init(size_t cnt)
{
  clock_cnt = cnt;
  clock_hand = 0;
  return true;
}

static void
clock_claimed(size_t i, uintptr_t key)
{
}

static void
clock_freed(size_t i)
{
}

static void
clock_scan_begin(void)
{
}

static size_t
clock_next(void)
{
  size_t i = clock_hand;
  clock_hand = (clock_hand + 1) % clock_cnt;
  return i;
}

static bool
clock_judge(size_t i, bool accessed)
{
  return !accessed;
}

static size_t
clock_sample_batch(void)
{
  return 0;
}

const struct vm_policy policy_clock = {
    .name = "clock",
    .init = clock_init,
    .claimed = clock_claimed,
    .freed = clock_freed,
    .scan_begin = clock_scan_begin,
    .next = clock_next,
    .judge = clock_judge,
    .sample_batch = clock_sample_batch,
};
