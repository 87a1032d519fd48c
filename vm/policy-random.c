/* SPDX-License-Identifier: MIT */
/* Random: any evictable frame, chosen by a seeded generator.
 *
 * Knows nothing and keeps nothing, so it is the baseline the others must
 * beat: on a loop larger than memory it does better than LRU (which is
 * always wrong there), on anything with locality worse.  The generator is
 * xorshift64 from a fixed seed, so a run under -icount repeats exactly.
 * After as many random offers as there are frames the search falls back
 * to a sweep from the last random pick, so a victim is found whenever one
 * exists, however few frames are evictable. */

#include "vm/policy.h"

#define RANDOM_SEED 0x2545f4914f6cdd1dull

static size_t random_cnt;
static uint64_t random_state = RANDOM_SEED;
static size_t offers, sweep;

static bool
random_init(size_t cnt)
{
  random_cnt = cnt;
  return true;
}

static void
random_claimed(size_t i, uintptr_t key)
{
}

static void
random_freed(size_t i)
{
}

static void
random_scan_begin(void)
{
  offers = 0;
}

static size_t
random_next(void)
{
  if (offers++ >= random_cnt)
    return sweep = (sweep + 1) % random_cnt;
  uint64_t x = random_state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  random_state = x;
  return sweep = (size_t)(x % random_cnt);
}

static bool
random_judge(size_t i, bool accessed)
{
  return true;
}

static size_t
random_sample_batch(void)
{
  return 0;
}

const struct vm_policy policy_random = {
    .name = "random",
    .init = random_init,
    .claimed = random_claimed,
    .freed = random_freed,
    .scan_begin = random_scan_begin,
    .next = random_next,
    .judge = random_judge,
    .sample_batch = random_sample_batch,
};
