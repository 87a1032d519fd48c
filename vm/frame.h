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

/* A frame may be shared copy-on-write by several pages (after fork): they
   form a chain from frame->page through page->next_sharer. */
struct frame {
  void *kva;          /* (i) Direct-map address of the frame. */
  struct page *page;  /* (frame_lock) First sharer; NULL while free. */
  unsigned share_cnt; /* (frame_lock) Pages in the chain. */
  unsigned pin_cnt;   /* (frame_lock) Non-zero: never evict. */
};

#define VICTIM_MAX_SHARERS 8

/* A frame chosen for eviction, with the SPT locks taken to evict it. */
struct victim {
  struct frame *frame;
  struct lock *locked[VICTIM_MAX_SHARERS]; /* To release afterwards. */
  int locked_cnt;
};

extern struct lock frame_lock;

void frame_table_init(void);
/* A free frame from the user pool (page NULL), or NULL if the pool is
   empty. */
struct frame *frame_alloc(void);
/* Return F to the user pool.  F must not be linked to a page. */
void frame_free(struct frame *f);
/* Choose a victim in the order of the replacement policy (vm/policy.h),
   skipping pinned and unowned frames and frames any of whose sharers' SPT
   is busy, and letting the policy see and clear accessed bits.  On
   success the frame is pinned and every sharer's SPT lock is held by the
   caller (V lists the ones this call took).  Called with frame_lock held;
   false when no frame qualifies. */
bool frame_choose_victim(struct victim *v);
/* Add PAGE to F's sharers / remove it; frame_lock held.  Unlink returns
   the number of sharers left. */
void frame_link(struct frame *f, struct page *page);
unsigned frame_unlink(struct frame *f, struct page *page);
void frame_print_stats(void);

#endif
