/* SPDX-License-Identifier: MIT */
/* Aging: an approximation of LRU from sampled accessed bits.
 *
 * Each resident frame has an 8-bit age.  At every victim search the frame
 * table samples the accessed bits of a batch of frames (a sixteenth of the
 * table, in frame order, so each frame is sampled every 16 searches) and
 * each sampled age shifts right with the bit coming in at the top: an age
 * is a history of the last eight samples, most recent first, and a larger
 * number means more recently used.  The victim is the frame with the
 * smallest age; among equal ages the search starts where the last one
 * stopped.  A candidate whose bit is set at the search itself gets that
 * use added and is passed over.  Sampling happens in the search, not in
 * the timer interrupt: reading another process's page table needs its SPT
 * lock, which an interrupt handler may not take, and under memory
 * pressure searches come as often as faults, which is the clock aging
 * needs.  The cost is a linear scan of the ages per offered candidate. */

#include "vm/policy.h"

#include "mm/malloc.h"

#define AGE_TOP 0x80u

static size_t aging_cnt;
static uint8_t *ages;
static bool *resident;
static uint32_t *offered; /* Search number that last offered the frame. */
static uint32_t search;
static size_t start;

static bool
aging_init(size_t cnt)
{
  aging_cnt = cnt;
  ages = calloc(cnt, sizeof *ages);
  resident = calloc(cnt, sizeof *resident);
  offered = calloc(cnt, sizeof *offered);
  return ages != NULL && resident != NULL && offered != NULL;
}

/* A page just brought in counts as used now. */
static void
aging_claimed(size_t i, uintptr_t key)
{
  resident[i] = true;
  ages[i] = AGE_TOP;
}

static void
aging_freed(size_t i)
{
  resident[i] = false;
}

static void
aging_scan_begin(void)
{
  search++;
}

/* The resident frame with the smallest age not yet offered in this
   search, from START round. */
static size_t
aging_next(void)
{
  size_t best = POLICY_END;
  for (size_t n = 0; n < aging_cnt; n++) {
    size_t i = (start + n) % aging_cnt;
    if (resident[i] && offered[i] != search &&
        (best == POLICY_END || ages[i] < ages[best]))
      best = i;
  }
  if (best != POLICY_END)
    offered[best] = search;
  return best;
}

static bool
aging_judge(size_t i, bool accessed)
{
  if (accessed) {
    ages[i] = (uint8_t)(ages[i] >> 1 | AGE_TOP);
    return false;
  }
  /* Taken: if the eviction fails, this frame is not the first choice. */
  ages[i] = AGE_TOP;
  start = (i + 1) % aging_cnt;
  return true;
}

static size_t
aging_sample_batch(void)
{
  return aging_cnt / 16 > 0 ? aging_cnt / 16 : 1;
}

static void
aging_sampled(size_t i, bool accessed)
{
  ages[i] = (uint8_t)(ages[i] >> 1 | (accessed ? AGE_TOP : 0));
}

const struct vm_policy policy_aging = {
    .name = "aging",
    .init = aging_init,
    .claimed = aging_claimed,
    .freed = aging_freed,
    .scan_begin = aging_scan_begin,
    .next = aging_next,
    .judge = aging_judge,
    .sample_batch = aging_sample_batch,
    .sampled = aging_sampled,
};
