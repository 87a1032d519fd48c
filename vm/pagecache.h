/* SPDX-License-Identifier: MIT */
#ifndef VM_PAGECACHE_H
#define VM_PAGECACHE_H

/* The page cache: pages of open files kept in user-pool frames.

   One struct pagecache per open file inode that has been read or written
   (created at its first access, freed at its last close), holding the
   frames of the file's pages in a hash by page number.  read() and
   write() copy through it, file-backed pages (mmap, program text and
   read-only data) map its frames directly, so every process that maps a
   file page shares one frame with the others and with read() and write().
   The frames are evicted by the same replacement policy as every other
   frame (vm/frame.c): a clean one is dropped, a dirty one (written by
   write(), or through a mapping) is written back first, clipped to the
   file's length.

       inode ──cache──▶ struct pagecache ─ buckets ─▶ struct frame ─▶ ...
                          lock (rank 15)                cache, cache_index,
                                                        cache_dirty,
                                                        page ─▶ mapping pages

   Lock order: the cache's lock ranks after the address-space locks and
   before frame_lock (vm/vm.h); the file-system lock comes after both, so
   the cache is entered without it and reaches the disk through
   inode_read_data / inode_write_data.  The evictor only try-locks a
   cache's lock. */

#include <list.h>
#include <stdbool.h>
#include <stdint.h>

#include "threads/synch.h"
#include "vm/vm.h"

struct inode;
struct frame;

struct pagecache {
  struct lock lock;       /* Guards the fields below and the frames. */
  struct inode *inode;    /* (i) The file. */
  struct frame **buckets; /* (lock) Chains through frame->cache_next. */
  uint32_t bucket_mask;   /* (i) Bucket count - 1 (a power of two). */
  uint32_t page_cnt;      /* (lock) Frames held. */
  /* (lock) Bumped in slot INDEX % PAGECACHE_GEN_SLOTS whenever page
     INDEX changes on the disk (write(), a write-back): a fill that read
     the page before must not be inserted. */
#define PAGECACHE_GEN_SLOTS 32
  uint32_t gen[PAGECACHE_GEN_SLOTS];
  uint64_t writes;       /* (lock; read unlocked) write() calls. */
  bool listed;           /* (list lock) On the list of every cache. */
  struct list_elem elem; /* (list lock) In that list. */
};

/* Page-cache counters, machine-wide (vmstat, the log at power-off). */
struct pagecache_stats {
  uint64_t hits, misses, evictions, writebacks, frames;
};

/* Register the cache with the file system (vm_init, after the frames). */
void pagecache_init(void);
/* Page INDEX of INODE's file in a frame of the cache, pinned (the caller
   unpins it).  The caller holds no address-space lock; may sleep for
   memory and the disk.  NULL with *WHY (VM_FAULT_NOMEM, VM_FAULT_IO). */
struct frame *pagecache_get_pinned(struct inode *inode, uint32_t index,
                                   enum vm_fault_result *why);
/* The fast path of a fault: page INDEX of INODE's file if it is cached,
   with the cache's lock held (so the frame stays; release it with
   pagecache_unlock), or NULL.  Never waits for memory or the disk: the
   caller may hold its address-space lock. */
struct frame *pagecache_lock_hit(struct inode *inode, uint32_t index);
void pagecache_unlock(struct frame *f);
/* Eviction of cache frame F, unmapped from every sharer (DIRTY: a
   sharer's PTE was): write it back if dirty, then take it out of its
   cache.  The caller (vm_evict_frame) holds the cache's lock and every
   sharer's address-space lock, as frame_choose_victim left them; this
   releases the cache's lock.  False (F stays in the cache) if the write
   failed. */
bool pagecache_evict(struct frame *f, bool dirty);
/* Write cache frame F back now (munmap, exit or fork of a mapping that
   wrote it).  The caller holds the address-space lock of a page mapping
   F.  False on a disk error. */
bool pagecache_write_back(struct frame *f);
/* In vm/file.c: the file pages that map page-cache frames. */
/* The page-cache path of vm_do_claim_page: if PAGE (not resident, of the
   current address space, whose lock is held) is a file page that is
   exactly one page of its file, map that page's frame in the page cache
   (shared with every other mapping of it) and return true, with *KVA the
   frame's address, or NULL and *WHY.  False: not such a page (or its
   cached bytes differ from what it must hold), so it takes a private
   frame as before.  The lock is let go while the cache gets the page. */
bool file_claim_cached(struct page *page, void **kva,
                       enum vm_fault_result *why);
/* Fork: make DST (new, uninit, of the child) share SRC's page-cache frame,
   mapped the same way.  Both locks held.  False if memory is short. */
bool file_fork_cached(struct page *dst, struct page *src);

/* Fork: move SRC (a mapping page; owner's lock held) off its page-cache
   frame to OWN (pinned, from vm_get_frame), with the same bytes, if it
   is still on one; else give OWN back. */
void file_page_make_private(struct page *src, struct frame *own);

/* A mapping's last write-back of cache frame F failed (munmap, exit):
   the bytes are lost, so the cache takes the disk's again, as the file
   reads.  The caller holds the address-space lock of a page mapping F. */
void pagecache_revert(struct frame *f);
void pagecache_get_stats(struct pagecache_stats *);
void pagecache_print_stats(void);

#endif
