/* SPDX-License-Identifier: MIT */
/* Aging: an approximation of LRU from sampled accessed bits.
 *
 * Each resident frame has an 8-bit age.  Every 16th victim search starts
 * with a sample of every resident frame's accessed bits (the frame table
 * reads and clears them), and each age shifts right with the bit coming
 * in at the top: an age is the history of the last eight samples, most
 * recent first, and a larger number means more recently used.  A page
 * just brought in starts at 0x80 (used once, now); the first sample after
 * that does not count its accessed bit, which the fault path set.  The
 * victim is the frame with the smallest age.
 *
 * Frames sit in one queue per age value.  The search walks the queues
 * from age 0 upwards, each from its head.  A sample walks them the same
 * way, so frames with the same history keep their order, which is the
 * order they came in: among pages not used for eight samples the one that
 * came in first goes first, as LRU would have it.  Every step is O(1); a
 * search passes at most 256 empty queues.  A candidate whose bit is set at
 * the search itself gets that use added (it moves up) and is passed over,
 * unless this search offered it before (struct pseen in vm/policy.h).
 *
 * Sampling happens in the search, not in the timer interrupt: reading
 * another process's page table needs its SPT lock, which an interrupt
 * handler may not take, and under memory pressure searches come as often
 * as faults, which is the clock aging needs. */

#include "vm/policy.h"

#include "mm/malloc.h"

#define AGES 256
#define AGE_TOP 0x80u
#define SAMPLE_EVERY 16 /* Searches between samples. */

static struct pqueue_links links;
static struct pqueue by_age[AGES]; /* Tag = age + 1. */
static size_t cursor_age, cursor;
static bool *fresh;          /* Claimed since the last sample. */
static size_t *sample_order; /* The frames of this sample, in order. */
static size_t sample_len, sample_pos;
static unsigned searches;
static struct pseen seen;

static bool
aging_init(size_t cnt)
{
  for (int a = 0; a < AGES; a++)
    pqueue_init(&by_age[a], (uint16_t)(a + 1));
  fresh = calloc(cnt, sizeof *fresh);
  sample_order = calloc(cnt, sizeof *sample_order);
  return pqueue_links_init(&links, cnt) && pseen_init(&seen, cnt) &&
         fresh != NULL && sample_order != NULL;
}

/* Put resident frame I at the back of the queue of AGE. */
static void
set_age(size_t i, unsigned age)
{
  if (links.in[i] != 0)
    pqueue_remove(&by_age[links.in[i] - 1], &links, i);
  pqueue_push(&by_age[age], &links, i);
}

static unsigned
age_of(size_t i)
{
  return links.in[i] - 1u;
}

static void
aging_claimed(size_t i, uintptr_t key)
{
  set_age(i, AGE_TOP);
  fresh[i] = true;
}

static void
aging_freed(size_t i)
{
  pqueue_remove(&by_age[age_of(i)], &links, i);
}

static void
aging_scan_begin(void)
{
  cursor_age = 0;
  cursor = by_age[0].head;
  pseen_begin(&seen);
}

/* The next frame from the youngest-first walk over the age queues. */
static size_t
aging_next(void)
{
  while (cursor == POLICY_END) {
    if (++cursor_age == AGES)
      return POLICY_END;
    cursor = by_age[cursor_age].head;
  }
  size_t i = cursor;
  cursor = links.next[i];
  return i;
}

static bool
aging_judge(size_t i, bool accessed)
{
  if (accessed && !pseen_again(&seen, i)) {
    set_age(i, age_of(i) >> 1 | AGE_TOP);
    return false;
  }
  /* Taken: if the eviction fails, this frame is not the first choice. */
  set_age(i, AGE_TOP);
  return true;
}

/* Every SAMPLE_EVERY searches: all resident frames, oldest first.  The
   order is fixed before any frame moves. */
static size_t
aging_sample_batch(void)
{
  if (searches++ % SAMPLE_EVERY != 0)
    return 0;
  sample_len = sample_pos = 0;
  for (int a = 0; a < AGES; a++)
    for (size_t i = by_age[a].head; i != POLICY_END; i = links.next[i])
      sample_order[sample_len++] = i;
  return sample_len;
}

static size_t
aging_sample_next(void)
{
  return sample_pos < sample_len ? sample_order[sample_pos++] : POLICY_END;
}

/* The fault path set the accessed bit of a page it brought in: the
   first sample after a claim ignores it (the claim counted as the use). */
static void
aging_sampled(size_t i, bool accessed)
{
  if (fresh[i]) {
    fresh[i] = false;
    accessed = false;
  }
  set_age(i, age_of(i) >> 1 | (accessed ? AGE_TOP : 0));
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
    .sample_next = aging_sample_next,
    .sampled = aging_sampled,
};
