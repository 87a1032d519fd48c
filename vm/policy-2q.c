/* SPDX-License-Identifier: MIT */
/* 2Q (Johnson and Shasha, VLDB 1994), with a clock for its LRU queue.
 *
 * A page seen once should not push out pages used again and again: a scan
 * through a large array would otherwise flush the working set, which is
 * what plain LRU (and the clock) do.  2Q keeps three lists:
 *
 *   A1in   FIFO of pages that came in for the first time (up to a quarter
 *          of the frames); uses while on it do not count (they are the
 *          same burst of accesses that brought the page in)
 *   A1out  the names (not the frames) of pages evicted from A1in, up to
 *          half as many as there are frames: a ghost list
 *   Am     pages that came back while their name was on A1out: used
 *          twice at a distance, so worth keeping; ordered by a clock
 *          (second chance on the accessed bit), standing in for the
 *          paper's LRU list, since only accessed bits are seen
 *
 * A victim comes from A1in's head while A1in holds more than its quarter,
 * else from Am.  A page's name is the key the frame table gives with the
 * claim (owner and address); a key seen again after its owner exited only
 * costs a misplaced page.  Ghost names sit in a ring (oldest overwritten)
 * with a small chained hash for lookup, all arrays sized at boot. */

#include "vm/policy.h"

#include "mm/malloc.h"

enum { ON_A1IN = 1, ON_AM = 2 };
#define GHOST_NONE SIZE_MAX

static struct pqueue_links links;
static struct pqueue a1in, am;
static size_t kin;
static uintptr_t *keys; /* Key of each frame's page. */

/* A1out: ghost names in a ring of ghost_cap slots, hashed by key. */
static size_t ghost_cap, ghost_len, ghost_oldest;
static uintptr_t *ghost_key;
static size_t *ghost_chain;  /* Next slot in the same bucket. */
static size_t *ghost_bucket; /* First slot of each bucket. */
static size_t ghost_buckets; /* A power of two. */

/* Search state: which list, and where in it. */
static struct pqueue *scan_queue;
static size_t scan_cursor;
static bool scan_switched;
static struct pseen seen; /* Am's clock takes a frame met twice. */

static size_t
ghost_hash(uintptr_t key)
{
  return (size_t)((key * 0x9e3779b97f4a7c15ull) >> 40) & (ghost_buckets - 1);
}

/* The slot in KEY's bucket pointing at SLOT (or the bucket head). */
static size_t *
ghost_link(uintptr_t key, size_t slot)
{
  size_t *p = &ghost_bucket[ghost_hash(key)];
  while (*p != slot && *p != GHOST_NONE)
    p = &ghost_chain[*p];
  return p;
}

static void
ghost_unhash(size_t slot)
{
  size_t *p = ghost_link(ghost_key[slot], slot);
  if (*p == slot)
    *p = ghost_chain[slot];
}

/* Remember KEY as evicted from A1in, forgetting the oldest if full. */
static void
ghost_add(uintptr_t key)
{
  size_t slot = (ghost_oldest + ghost_len) % ghost_cap;
  if (ghost_len == ghost_cap) {
    ghost_unhash(ghost_oldest);
    ghost_oldest = (ghost_oldest + 1) % ghost_cap;
  } else
    ghost_len++;
  size_t *head = &ghost_bucket[ghost_hash(key)];
  ghost_key[slot] = key;
  ghost_chain[slot] = *head;
  *head = slot;
}

/* True (and KEY forgotten) if KEY is on A1out.  The slot stays in the
   ring, unhashed, until the ring overwrites it. */
static bool
ghost_take(uintptr_t key)
{
  size_t *p = &ghost_bucket[ghost_hash(key)];
  while (*p != GHOST_NONE && ghost_key[*p] != key)
    p = &ghost_chain[*p];
  if (*p == GHOST_NONE)
    return false;
  size_t slot = *p;
  *p = ghost_chain[slot];
  ghost_chain[slot] = GHOST_NONE;
  ghost_key[slot] = 0;
  return true;
}

static bool
twoq_init(size_t cnt)
{
  kin = cnt / 4 > 0 ? cnt / 4 : 1;
  ghost_cap = cnt / 2 > 0 ? cnt / 2 : 1;
  for (ghost_buckets = 1; ghost_buckets < ghost_cap; ghost_buckets *= 2)
    continue;
  pqueue_init(&a1in, ON_A1IN);
  pqueue_init(&am, ON_AM);
  keys = calloc(cnt, sizeof *keys);
  ghost_key = calloc(ghost_cap, sizeof *ghost_key);
  ghost_chain = malloc(ghost_cap * sizeof *ghost_chain);
  ghost_bucket = malloc(ghost_buckets * sizeof *ghost_bucket);
  if (!pqueue_links_init(&links, cnt) || !pseen_init(&seen, cnt) ||
      keys == NULL || ghost_key == NULL || ghost_chain == NULL ||
      ghost_bucket == NULL)
    return false;
  for (size_t i = 0; i < ghost_buckets; i++)
    ghost_bucket[i] = GHOST_NONE;
  for (size_t i = 0; i < ghost_cap; i++)
    ghost_chain[i] = GHOST_NONE;
  return true;
}

static void
twoq_claimed(size_t i, uintptr_t key)
{
  keys[i] = key;
  pqueue_push(ghost_take(key) ? &am : &a1in, &links, i);
}

static void
twoq_freed(size_t i)
{
  struct pqueue *qs[] = {&a1in, &am};
  pqueue_remove_any(qs, 2, &links, i);
}

static void
twoq_scan_begin(void)
{
  scan_queue = a1in.len > kin || am.len == 0 ? &a1in : &am;
  scan_cursor = scan_queue->head;
  scan_switched = false;
  pseen_begin(&seen);
}

/* Through the chosen list, then (if nothing there could be evicted) the
   other one. */
static size_t
twoq_next(void)
{
  if (scan_cursor == POLICY_END && !scan_switched) {
    scan_queue = scan_queue == &a1in ? &am : &a1in;
    scan_cursor = scan_queue->head;
    scan_switched = true;
  }
  size_t i = scan_cursor;
  if (i != POLICY_END)
    scan_cursor = links.next[i];
  return i;
}

static bool
twoq_judge(size_t i, bool accessed)
{
  struct pqueue *q = links.in[i] == ON_A1IN ? &a1in : &am;
  pqueue_remove(q, &links, i);
  pqueue_push(q, &links, i);
  if (q == &am && accessed && !pseen_again(&seen, i)) {
    /* Am's clock: a used page starts over at the back; the cursor meets
       it again (its bit now clear) after the rest. */
    if (scan_cursor == POLICY_END && scan_queue == q)
      scan_cursor = i;
    return false;
  }
  if (q == &a1in)
    ghost_add(keys[i]);
  return true;
}

static size_t
twoq_sample_batch(void)
{
  return 0;
}

const struct vm_policy policy_2q = {
    .name = "2q",
    .init = twoq_init,
    .claimed = twoq_claimed,
    .freed = twoq_freed,
    .scan_begin = twoq_scan_begin,
    .next = twoq_next,
    .judge = twoq_judge,
    .sample_batch = twoq_sample_batch,
};
