/* SPDX-License-Identifier: MIT */
#ifndef VM_POLICY_H
#define VM_POLICY_H

/* Replacement policies: which resident frame to evict.

   The frame table (vm/frame.c) owns the mechanism: pins, the owners' SPT
   locks, the accessed bits, unmapping sharers, dirty pages and swap slots.
   A policy only orders the candidates.  It sees frames as indices into the
   frame table and hears about them through these calls, all made with
   frame_lock held (so a policy needs no lock of its own):

       claimed(i, key)  frame i got its first page (KEY names the page:
                        equal keys are very likely the same page again)
       freed(i)         frame i lost its last page (evicted, unmapped,
                        process gone)
       sampled(i, a)    the periodic look at frame i's accessed bits found
                        A (only policies whose sample_batch is not 0:
                        at each search the frame table asks sample_batch
                        how many frames to look at, and sample_next which
                        ones)

   A victim search is scan_begin, then next/judge pairs:

       next()           the next frame to consider, or POLICY_END
       judge(i, a)      frame i can be evicted now (page, not pinned,
                        owners locked); A: was it used since the last look
                        (the bits are cleared now).  True takes it.

   The frame table skips a frame next() offers that cannot be evicted
   (free, pinned, an owner busy) without telling the policy, and gives up
   after twice the frame count of offers.  A frame that judge took stays
   claimed until the eviction succeeds (then freed, then claimed by its new
   page); if the eviction fails the policy should offer it late next time,
   so judge typically moves it to the back of its order. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define POLICY_END SIZE_MAX

struct vm_policy {
  const char *name;
  /* Set up for CNT frames; false if memory is short.  Once, at boot. */
  bool (*init)(size_t cnt);
  void (*claimed)(size_t i, uintptr_t key);
  void (*freed)(size_t i);
  void (*scan_begin)(void);
  size_t (*next)(void);
  bool (*judge)(size_t i, bool accessed);
  /* How many frames' accessed bits to sample before this victim search
     (0: none; then sample_next and sampled are not called), and which:
     sample_next gives them one by one, POLICY_END when done. */
  size_t (*sample_batch)(void);
  size_t (*sample_next)(void);
  void (*sampled)(size_t i, bool accessed);
};

/* The policies, each in vm/policy-NAME.c. */
extern const struct vm_policy policy_clock, policy_fifo, policy_second,
    policy_aging, policy_random, policy_2q;

/* The policy named NAME, or NULL. */
const struct vm_policy *policy_find(const char *name);
/* Use the policy named NAME (the -vm-policy=NAME boot option).  False if
   there is none, or if the frame table already started with another. */
bool policy_select(const char *name);
/* The chosen policy (the default until policy_select). */
const struct vm_policy *policy_current(void);
/* Names of all policies, separated by spaces, for messages. */
const char *policy_names(void);
/* Freeze the choice: the frame table has started.  Called once. */
void policy_freeze(void);

/* Which frames a victim search has offered already, for the policies that
   offer a frame twice (after moving it back): on the second offer they
   take it whatever its accessed bit says, as the clock's second sweep
   would, so that a search finds a victim even while other processes keep
   using every page (they run whenever the search is preempted). */
struct pseen {
  uint32_t *stamp; /* Search number of the last offer, per frame. */
  uint32_t search;
};

bool pseen_init(struct pseen *, size_t cnt);
/* A new search begins. */
void pseen_begin(struct pseen *);
/* True if I was offered before in this search; marks it offered. */
bool pseen_again(struct pseen *, size_t i);

/* A queue of frame indices in a doubly linked list threaded through two
   arrays, for the policies that keep frames in an order (FIFO, second
   chance, 2Q).  A frame is on at most one queue of a policy; in[i] names
   it (0: none).  All operations O(1). */
struct pqueue {
  size_t head, tail, len;
  uint16_t tag; /* What in[] says for this queue. */
};
struct pqueue_links {
  size_t *prev, *next;
  uint16_t *in;
};

bool pqueue_links_init(struct pqueue_links *, size_t cnt);
void pqueue_init(struct pqueue *, uint16_t tag);
void pqueue_push(struct pqueue *, struct pqueue_links *, size_t i);
void pqueue_remove(struct pqueue *, struct pqueue_links *, size_t i);
/* Remove I from whichever of queues Q[0..N) holds it, if any. */
void pqueue_remove_any(struct pqueue *q[], int n, struct pqueue_links *,
                       size_t i);

#endif
