/* SPDX-License-Identifier: MIT */
#ifndef VM_FRAME_H
#define VM_FRAME_H

/* The frame table: one struct frame for every page of the user pool,
   allocated once at boot, so a frame and its kernel address are found
   from each other by arithmetic (frame_kva): the pool is one run of
   pages, and frame I of the table is page I of the pool.  frame_lock
   (rank 20 in vm/vm.h) is private to frame.c and guards the links
   between frames and pages, the pins and the clock.

   A struct frame is 32 bytes, one per user-pool page, so every field is
   as small as what it holds allows. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mm/vaddr.h"

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
   frame_lock both held to change; either to read.

   The chain is not counted: frame_sharers walks it.  A count would have
   to be wide enough for every page a user can make share one frame (one
   process may map one file page any number of times). */
struct frame {
  struct page *page;       /* (frame_lock) First sharer; NULL while free. */
  struct pagecache *cache; /* (C) Owning page cache, or NULL. */
  uint32_t cache_next;     /* (cache lock) Next in the cache's bucket:
                              frame_cache_next(). */
  uint32_t cache_index;    /* (C) Page number in the cache's file. */
  unsigned pin_cnt;        /* (frame_lock to raise; atomic to drop)
                              Non-zero: never evict. */
  bool cache_dirty;        /* (cache lock) Changed since written back. */
  bool cache_used;         /* (cache lock) Read or written since the
                              policy last looked (the accessed bit of
                              read and write). */
};

/* The table and the pool it describes: set once by frame_table_init. */
extern struct frame *frame_table;
extern uint8_t *frame_pool_base;
#define FRAME_NONE UINT32_MAX /* No frame, as a cache_next. */

/* The direct-map address of F's page. */
static inline void *
frame_kva(const struct frame *f)
{
  return frame_pool_base + (size_t)(f - frame_table) * PGSIZE;
}

/* The frame after F in its page-cache bucket, or NULL. */
static inline struct frame *
frame_cache_next(const struct frame *f)
{
  return f->cache_next != FRAME_NONE ? &frame_table[f->cache_next] : NULL;
}

/* Make NEXT (or NULL) the frame after F in its page-cache bucket. */
static inline void
frame_set_cache_next(struct frame *f, const struct frame *next)
{
  f->cache_next = next != NULL ? (uint32_t)(next - frame_table) : FRAME_NONE;
}

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
   lock.  Unlink returns true if F still has an owner, another sharer or a
   page cache (then the caller must not free it). */
void frame_link(struct frame *f, struct page *page);
bool frame_unlink(struct frame *f, struct page *page);
/* The number of pages sharing F (a walk of its chain). */
unsigned frame_sharers(struct frame *f);
void frame_print_stats(void);

#endif
