/* SPDX-License-Identifier: MIT */
#ifndef VM_FRAME_H
#define VM_FRAME_H

/* The frame table: one struct frame for every page of the user pool,
   allocated once at boot, so a frame is found from its kernel address by
   arithmetic.  frame_lock (rank 20 in vm/vm.h) is private to frame.c and
   guards the links between frames and pages, the pins and the clock. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct page;
struct lock;
struct pagecache;

/* A frame may be shared copy-on-write by several pages (after fork): they
   form a chain from frame->page through page->next_sharer.

   A frame may also belong to a page cache (vm/pagecache.h): then it holds
   page CACHE_INDEX of the cache's file, and the pages on its chain are
   mappings of that file page (mmap, program text), any number of them,
   in any processes.  Its owners are the cache and every page on the
   chain; the frame is free when it has neither.  (C) the cache's lock and
   frame_lock both held to change; either to read. */
struct frame {
  void *kva;                /* (i) Direct-map address of the frame. */
  struct page *page;        /* (frame_lock) First sharer; NULL while free. */
  unsigned share_cnt;       /* (frame_lock) Pages in the chain. */
  unsigned pin_cnt;         /* (frame_lock to raise; atomic to drop)
                               Non-zero: never evict. */
  struct pagecache *cache;  /* (C) Owning page cache, or NULL. */
  struct frame *cache_next; /* (cache lock) Next in the cache's bucket. */
  uint32_t cache_index;     /* (C) Page number in the cache's file. */
  bool cache_dirty;         /* (cache lock) Changed since written back. */
  bool cache_used;          /* (cache lock) Read or written since the
                               policy last looked (the accessed bit of
                               read and write). */
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
/* Pin F (owned by a page cache whose lock the caller holds), so it stays
   in the cache after that lock is let go. */
void frame_pin(struct frame *f);
/* Make F (pinned, owned by nobody) page INDEX of CACHE / take it out of
   its cache again.  The caller holds CACHE's lock; the frame keeps its
   pin and its sharers.  Clearing the cache of a frame with no sharer
   leaves it owned by nobody: the caller frees it. */
void frame_set_cache(struct frame *f, struct pagecache *cache, uint32_t index);
void frame_clear_cache(struct frame *f);
/* Add PAGE to F's sharers / remove it.  The caller holds PAGE's owner's
   lock.  Unlink returns the number of owners left: the sharers, plus one
   if a page cache holds F (then the caller must not free it). */
void frame_link(struct frame *f, struct page *page);
unsigned frame_unlink(struct frame *f, struct page *page);
/* The number of pages sharing F. */
unsigned frame_sharers(struct frame *f);
void frame_print_stats(void);

#endif
