/* SPDX-License-Identifier: MIT */
/* FIFO: evict the page that has been resident longest.
 *
 * Frames queue in the order their pages came in; accessed bits are
 * ignored.  The simplest policy, and the textbook example of Belady's
 * anomaly (more frames can mean more faults).  A frame chosen but not
 * evicted (its page could not be saved) goes to the back of the queue so
 * the next search tries another. */

#include "vm/policy.h"

static struct pqueue_links fifo_links;
static struct pqueue fifo_queue;
static size_t fifo_cursor;

static bool
fifo_init(size_t cnt)
{
  pqueue_init(&fifo_queue, 1);
  return pqueue_links_init(&fifo_links, cnt);
}

static void
fifo_claimed(size_t i, uintptr_t key)
{
  pqueue_push(&fifo_queue, &fifo_links, i);
}

static void
fifo_freed(size_t i)
{
  pqueue_remove(&fifo_queue, &fifo_links, i);
}

static void
fifo_scan_begin(void)
{
  fifo_cursor = fifo_queue.head;
}

static size_t
fifo_next(void)
{
  size_t i = fifo_cursor;
  if (i != POLICY_END)
    fifo_cursor = fifo_links.next[i];
  return i;
}

static bool
fifo_judge(size_t i, bool accessed)
{
  pqueue_remove(&fifo_queue, &fifo_links, i);
  pqueue_push(&fifo_queue, &fifo_links, i);
  return true;
}

static size_t
fifo_sample_batch(void)
{
  return 0;
}

const struct vm_policy policy_fifo = {
    .name = "fifo",
    .init = fifo_init,
    .claimed = fifo_claimed,
    .freed = fifo_freed,
    .scan_begin = fifo_scan_begin,
    .next = fifo_next,
    .judge = fifo_judge,
    .sample_batch = fifo_sample_batch,
};
