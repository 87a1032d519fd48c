/* SPDX-License-Identifier: MIT */
/* Second chance: FIFO that spares pages in use.
 *
 * Frames queue in the order their pages came in.  The search looks at the
 * oldest: if its page was used since it was last looked at, the accessed
 * bit (cleared by the frame table) is its second chance, and it moves to
 * the back of the queue as if it had just come in; otherwise it is the
 * victim.  The same idea as the clock, but the order is arrival order, not
 * frame order.  A frame met a second time in one search is taken even if
 * it was used again meanwhile (struct pseen in vm/policy.h).  The search's
 * cursor reaches the frames it moved to the back, now with clear bits, so one
 * pass through the queue (plus the moved ones) always decides. */

#include "vm/policy.h"

static struct pqueue_links second_links;
static struct pqueue second_queue;
static size_t second_cursor;
static struct pseen second_seen;

static bool
second_init(size_t cnt)
{
  pqueue_init(&second_queue, 1);
  return pqueue_links_init(&second_links, cnt) && pseen_init(&second_seen, cnt);
}

static void
second_claimed(size_t i, uintptr_t key)
{
  pqueue_push(&second_queue, &second_links, i);
}

static void
second_freed(size_t i)
{
  pqueue_remove(&second_queue, &second_links, i);
}

static void
second_scan_begin(void)
{
  second_cursor = second_queue.head;
  pseen_begin(&second_seen);
}

static size_t
second_next(void)
{
  size_t i = second_cursor;
  if (i != POLICY_END)
    second_cursor = second_links.next[i];
  return i;
}

/* Used or chosen, the frame goes to the back: a used one starts over, a
   chosen one that cannot be evicted is not tried again first.  The cursor
   already points past it, so it is met again at the end of this pass. */
static bool
second_judge(size_t i, bool accessed)
{
  pqueue_remove(&second_queue, &second_links, i);
  pqueue_push(&second_queue, &second_links, i);
  if (second_cursor == POLICY_END)
    second_cursor = i;
  return !accessed || pseen_again(&second_seen, i);
}

static size_t
second_sample_batch(void)
{
  return 0;
}

const struct vm_policy policy_second = {
    .name = "second",
    .init = second_init,
    .claimed = second_claimed,
    .freed = second_freed,
    .scan_begin = second_scan_begin,
    .next = second_next,
    .judge = second_judge,
    .sample_batch = second_sample_batch,
};
