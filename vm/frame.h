/* SPDX-License-Identifier: MIT */
#ifndef VM_FRAME_H
#define VM_FRAME_H

/* The frame table: one struct frame for every page of the user pool,
   allocated once at boot, so a frame is found from its kernel address by
   arithmetic.  frame_lock (order 2 in vm/vm.h) guards page and pin_cnt. */

#include <stdbool.h>
#include <stddef.h>

#include "threads/synch.h"

struct page;

struct frame {
  void *kva;         /* (i) Direct-map address of the frame. */
  struct page *page; /* (frame_lock) Owner, NULL while free or loading. */
  unsigned pin_cnt;  /* (frame_lock) Non-zero: never evict. */
};

extern struct lock frame_lock;

void frame_table_init(void);
/* A free frame from the user pool (page NULL), or NULL if the pool is
   empty. */
struct frame *frame_alloc(void);
/* Return F to the user pool.  F must not be linked to a page. */
void frame_free(struct frame *f);
/* Choose a victim by the clock over accessed bits, skipping pinned and
   unowned frames and frames whose owner's SPT is busy.  On success the
   frame is pinned and its owner's SPT lock is held by the caller
   (*LOCKED_OWNER tells whether this call took it).  Called with frame_lock
   held; NULL when no frame qualifies. */
struct frame *frame_clock_victim(bool *locked_owner);
void frame_print_stats(void);

#endif
