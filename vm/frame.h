/* SPDX-License-Identifier: MIT */
#ifndef VM_FRAME_H
#define VM_FRAME_H

/* The frame table: one struct frame for every page of the user pool,
   allocated once at boot, so a frame is found from its kernel address by
   arithmetic.  frame_lock (rank 20 in vm/vm.h) is private to frame.c and
   guards the links between frames and pages, the pins and the clock. */

#include <stdbool.h>
#include <stddef.h>

struct page;
struct lock;

/* A frame may be shared copy-on-write by several pages (after fork): they
   form a chain from frame->page through page->next_sharer. */
struct frame {
  void *kva;          /* (i) Direct-map address of the frame. */
  struct page *page;  /* (frame_lock) First sharer; NULL while free. */
  unsigned share_cnt; /* (frame_lock) Pages in the chain. */
  unsigned pin_cnt;   /* (frame_lock to raise; atomic to drop) Non-zero:
                         never evict. */
};

void frame_table_init(void);
/* A free frame from the user pool, pinned and linked to no page, or NULL
   if the pool is empty. */
struct frame *frame_alloc(void);
/* Return F to the user pool.  F must be linked to no page. */
void frame_free(struct frame *f);
/* Choose a victim in the order of the replacement policy (vm/policy.h),
   skipping pinned and unowned frames, frames any of whose sharers'
   address space is busy, and the pages the current address space's last
   few faults brought in (addrspace_claimed_recently: the instruction that
   faulted may need them all at once), and letting the policy see and
   clear accessed bits.
   The caller holds no address-space lock.  On success the frame is pinned
   and the caller holds every sharer's address-space lock (release them
   when done); NULL when no frame qualifies, with *BUSY true if one that
   was passed over may qualify later (pinned, owner busy, or used lately)
   and false if waiting cannot help. */
struct frame *frame_choose_victim(bool *busy);
/* Drop the pin vm_get_frame or frame_choose_victim put on F. */
void frame_unpin(struct frame *f);
/* Add PAGE to F's sharers / remove it.  The caller holds PAGE's owner's
   lock.  Unlink returns the number of sharers left. */
void frame_link(struct frame *f, struct page *page);
unsigned frame_unlink(struct frame *f, struct page *page);
/* The number of pages sharing F. */
unsigned frame_sharers(struct frame *f);
void frame_print_stats(void);

#endif
