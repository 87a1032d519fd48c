/* SPDX-License-Identifier: MIT */
/* The page cache (see vm/pagecache.h): file pages in user-pool frames.
 *
 * Each cache is a hash of frames by page number, chained through the
 * frames themselves (frame->cache_next), so a cached page costs no memory
 * beyond its frame.  A page is looked up and copied under the cache's
 * lock; a miss lets go of the lock while it gets a frame (possibly by
 * evicting) and reads the disk, and inserts the page only if no other
 * thread did meanwhile and the page did not change on the disk (GEN, a
 * counter per page-number slot): a page written through, or written back
 * and evicted, during the read would otherwise come back stale.  Clean
 * evictions change nothing on the disk, so a file whose pages are
 * evicted all the time (text under thrashing) still gets its fills in.
 *
 * write() is write-through: under the cache's lock the bytes go to the
 * disk (in runs of up to 64 sectors) and then into the pages already
 * cached, so a disk error is the caller's at once and the disk never
 * holds less than the cache after a write().  Only mappings make pages
 * dirty (their PTE dirty bits, which the evictor and munmap collect):
 * those reach the disk at eviction and at once when a mapping that wrote
 * them goes (pintos-abi.md 7.5); the last close and unmount write back
 * whatever is still dirty.  Write-back covers the file's bytes only, so
 * it never extends the file.  A cache with no frame left for it (memory
 * really out) or a page that cannot be read whole (a bad sector) does
 * not fail read(): it goes to the disk directly for the bytes asked.
 *
 * Every cache is on one list (caches_lock, rank 14) so unmount can find
 * them all; a cache's own lock ranks 15 (vm/vm.h). */

#include "vm/pagecache.h"

#include <debug.h>
#include <list.h>
#include <string.h>

#include "devices/trace.h"
#include "filesys/inode.h"
#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/vaddr.h"
#include "vm/addrspace.h"
#include "vm/frame.h"
#include "vm/region.h"

#define PAGECACHE_MAX_BUCKETS 512

static struct lock caches_lock;
static struct list caches; /* (caches_lock) Every struct pagecache. */
static struct pagecache_stats stats;

#define STAT_ADD(field, n)                                                     \
  __atomic_fetch_add(&stats.field, (n), __ATOMIC_RELAXED)

/* ---- The hash ---------------------------------------------------------- */

static struct frame **
bucket_of(struct pagecache *pc, uint32_t index)
{
  return &pc->buckets[index & pc->bucket_mask];
}

/* The frame holding page INDEX, or NULL.  Lock held. */
static struct frame *
lookup(struct pagecache *pc, uint32_t index)
{
  for (struct frame *f = *bucket_of(pc, index); f != NULL;
       f = frame_cache_next(f))
    if (f->cache_index == index)
      return f;
  return NULL;
}

/* Make F (pinned, unowned) page INDEX.  Lock held. */
static void
insert(struct pagecache *pc, struct frame *f, uint32_t index)
{
  frame_set_cache(f, pc, index);
  struct frame **b = bucket_of(pc, index);
  frame_set_cache_next(f, *b);
  *b = f;
  pc->page_cnt++;
  STAT_ADD(frames, 1);
}

/* Take F out of PC (its sharers stay linked: the caller unlinks them).
   Lock held. */
static void
cache_remove(struct pagecache *pc, struct frame *f)
{
  struct frame **b = bucket_of(pc, f->cache_index);
  if (*b == f) {
    *b = frame_cache_next(f);
  } else {
    struct frame *prev = *b;
    while (frame_cache_next(prev) != f) {
      ASSERT(frame_cache_next(prev) != NULL);
      prev = frame_cache_next(prev);
    }
    frame_set_cache_next(prev, frame_cache_next(f));
  }
  frame_set_cache_next(f, NULL);
  frame_clear_cache(f);
  pc->page_cnt--;
  STAT_ADD(frames, -1);
}

/* ---- Creating and freeing ---------------------------------------------- */

/* INODE's cache, made if it has none; NULL if memory is short. */
static struct pagecache *
cache_of(struct inode *inode)
{
  struct pagecache *pc = inode_get_cache(inode);
  if (pc != NULL)
    return pc;
  uint64_t pages = ((uint64_t)inode_length(inode) + PGSIZE - 1) / PGSIZE;
  uint32_t buckets = 1;
  while (buckets < pages && buckets < PAGECACHE_MAX_BUCKETS)
    buckets *= 2;
  pc = malloc(sizeof *pc);
  struct frame **b = calloc(buckets, sizeof *b);
  if (pc == NULL || b == NULL) {
    free(pc);
    free(b);
    return NULL;
  }
  *pc = (struct pagecache){
      .inode = inode, .buckets = b, .bucket_mask = buckets - 1};
  lock_init_ranked(&pc->lock, LOCK_RANK_PAGECACHE);
  lock_acquire(&caches_lock);
  struct pagecache *now = inode_set_cache(inode, pc);
  if (now == pc) {
    pc->listed = true;
    list_push_back(&caches, &pc->elem);
  }
  lock_release(&caches_lock);
  if (now != pc) {
    free(b);
    free(pc);
  }
  return now;
}

/* Bytes of page INDEX that lie in the file. */
static uint32_t
page_bytes(struct pagecache *pc, uint32_t index)
{
  int64_t left = (int64_t)inode_length(pc->inode) - (int64_t)index * PGSIZE;
  return left <= 0 ? 0 : left < (int64_t)PGSIZE ? (uint32_t)left : PGSIZE;
}

/* Write cache frame F to the file.  Lock held (the disk is reached with
   it held: the file-system lock ranks above it). */
static bool
write_page(struct pagecache *pc, struct frame *f)
{
  uint32_t n = page_bytes(pc, f->cache_index);
  off_t put = n == 0 ? 0
                     : inode_write_data(pc->inode, frame_kva(f), n,
                                        (off_t)f->cache_index * PGSIZE);
  pc->gen[f->cache_index % PAGECACHE_GEN_SLOTS]++;
  if (put != (off_t)n)
    return false;
  f->cache_dirty = false;
  STAT_ADD(writebacks, 1);
  return true;
}

/* Write back every dirty page of PC.  False if one failed. */
static bool
flush(struct pagecache *pc)
{
  bool ok = true;
  lock_acquire(&pc->lock);
  for (uint32_t b = 0; b <= pc->bucket_mask; b++)
    for (struct frame *f = pc->buckets[b]; f != NULL; f = frame_cache_next(f))
      if (f->cache_dirty && !write_page(pc, f))
        ok = false;
  lock_release(&pc->lock);
  return ok;
}

/* Free PC and its frames (none mapped: every mapping holds an open of
   the file).  Dirty pages were written back by the caller, or die with a
   removed file. */
static void
cache_destroy(struct pagecache *pc)
{
  lock_acquire(&caches_lock);
  if (pc->listed)
    list_remove(&pc->elem);
  pc->listed = false;
  lock_release(&caches_lock);
  lock_acquire(&pc->lock);
  for (uint32_t b = 0; b <= pc->bucket_mask; b++)
    while (pc->buckets[b] != NULL) {
      struct frame *f = pc->buckets[b];
      ASSERT(f->page == NULL);
      cache_remove(pc, f);
      frame_free(f);
    }
  lock_release(&pc->lock);
  free(pc->buckets);
  free(pc);
}

/* ---- Finding a page ---------------------------------------------------- */

/* Fill KVA with page INDEX: the file's bytes, zeros past its end.  False
   on a disk error. */
static bool
fill_page(struct pagecache *pc, uint32_t index, uint8_t *kva)
{
  uint32_t n = page_bytes(pc, index);
  off_t got =
      n == 0 ? 0 : inode_read_data(pc->inode, kva, n, (off_t)index * PGSIZE);
  memset(kva + n, 0, PGSIZE - n);
  return got == (off_t)n;
}

/* Page INDEX of PC in a frame, with PC's lock held on return.  FILL
   false: the caller overwrites every byte of the page that lies in the
   file, so it is not read (the rest is zeroed).  NULL with *WHY and no
   lock held if no frame can be had or the disk fails. */
static struct frame *
lock_page(struct pagecache *pc, uint32_t index, bool fill,
          enum vm_fault_result *why)
{
  for (;;) {
    lock_acquire(&pc->lock);
    struct frame *f = lookup(pc, index);
    if (f != NULL) {
      STAT_ADD(hits, 1);
      trace_pcache(TRACE_PC_HIT, pc, index, frame_kva(f));
      return f;
    }
    uint32_t *slot = &pc->gen[index % PAGECACHE_GEN_SLOTS], gen = *slot;
    lock_release(&pc->lock);
    f = vm_get_free_frame();
    if (f == NULL) {
      *why = VM_FAULT_NOMEM;
      return NULL;
    }
    bool ok = true;
    if (fill)
      ok = fill_page(pc, index, frame_kva(f));
    else
      memset((uint8_t *)frame_kva(f) + page_bytes(pc, index), 0,
             PGSIZE - page_bytes(pc, index));
    if (!ok) {
      frame_unpin(f);
      frame_free(f);
      *why = VM_FAULT_IO;
      return NULL;
    }
    lock_acquire(&pc->lock);
    if (*slot == gen && lookup(pc, index) == NULL) {
      insert(pc, f, index);
      frame_unpin(f);
      STAT_ADD(misses, 1);
      trace_pcache(TRACE_PC_MISS, pc, index, frame_kva(f));
      return f;
    }
    /* Another thread brought the page in, or the page changed on the
       disk after our read: again. */
    lock_release(&pc->lock);
    frame_unpin(f);
    frame_free(f);
  }
}

struct frame *
pagecache_lock_hit(struct inode *inode, uint32_t index)
{
  struct pagecache *pc = inode_get_cache(inode);
  if (pc == NULL)
    return NULL;
  lock_acquire(&pc->lock);
  struct frame *f = lookup(pc, index);
  if (f == NULL) {
    lock_release(&pc->lock);
    return NULL;
  }
  STAT_ADD(hits, 1);
  trace_pcache(TRACE_PC_HIT, pc, index, frame_kva(f));
  f->cache_used = true;
  return f;
}

void
pagecache_unlock(struct frame *f)
{
  lock_release(&f->cache->lock);
}

struct frame *
pagecache_get_pinned(struct inode *inode, uint32_t index,
                     enum vm_fault_result *why)
{
  struct pagecache *pc = cache_of(inode);
  if (pc == NULL) {
    *why = VM_FAULT_NOMEM;
    return NULL;
  }
  struct frame *f = lock_page(pc, index, true, why);
  if (f == NULL)
    return NULL;
  f->cache_used = true;
  frame_pin(f);
  lock_release(&pc->lock);
  return f;
}

/* ---- read() and write() ------------------------------------------------ */

/* The bytes of [OFFSET, OFFSET + SIZE) in page INDEX: its offset in the
   page and length. */
struct piece {
  uint32_t index, ofs, len;
};

static struct piece
piece_at(off_t offset, off_t left)
{
  struct piece p = {(uint32_t)(offset / PGSIZE), (uint32_t)(offset % PGSIZE),
                    0};
  p.len = (off_t)(PGSIZE - p.ofs) < left ? PGSIZE - p.ofs : (uint32_t)left;
  return p;
}

/* inode_read_at of a file inode: through the cache. */
static off_t
pc_read(struct inode *inode, void *buffer, off_t size, off_t offset)
{
  off_t length = inode_length(inode);
  if (offset < 0 || offset >= length || size <= 0)
    return 0;
  if (size > length - offset)
    size = length - offset;
  struct pagecache *pc = cache_of(inode);
  if (pc == NULL)
    return inode_read_data(inode, buffer, size, offset);
  uint8_t *buf = buffer;
  off_t done = 0;
  while (done < size) {
    struct piece p = piece_at(offset + done, size - done);
    enum vm_fault_result why;
    struct frame *f = lock_page(pc, p.index, true, &why);
    if (f == NULL) {
      /* No frame for the cache, or a bad sector somewhere in the page:
         straight from the disk for the bytes asked (the page is not
         cached, so the disk is current). */
      off_t got = inode_read_data(inode, buf + done, p.len, offset + done);
      done += got;
      if (got != (off_t)p.len)
        break;
      continue;
    }
    memcpy(buf + done, (uint8_t *)frame_kva(f) + p.ofs, p.len);
    f->cache_used = true;
    lock_release(&pc->lock);
    done += p.len;
  }
  return done;
}

/* inode_write_at of a file inode: write-through.  The bytes go to the
   disk and then into the pages of them that are cached, under the
   cache's lock, so a concurrent read sees the old bytes or the new, and
   the cache and the disk agree in the order writes reach them. */
static off_t
pc_write(struct inode *inode, const void *buffer, off_t size, off_t offset)
{
  off_t length = inode_length(inode);
  if (offset < 0 || offset >= length || size <= 0 || !inode_writable(inode))
    return 0;
  if (size > length - offset)
    size = length - offset;
  struct pagecache *pc = cache_of(inode);
  if (pc == NULL)
    return inode_write_data(inode, buffer, size, offset);
  const uint8_t *buf = buffer;
  lock_acquire(&pc->lock);
  off_t put = inode_write_data(inode, buf, size, offset);
  for (off_t done = 0; done < size;) {
    struct piece p = piece_at(offset + done, size - done);
    struct frame *f = done < put ? lookup(pc, p.index) : NULL;
    if (f != NULL) {
      if ((off_t)p.len > put - done)
        p.len = put - done;
      memcpy((uint8_t *)frame_kva(f) + p.ofs, buf + done, p.len);
      f->cache_used = true;
    }
    /* A fill in flight read the disk before this write: it must not be
       inserted (lock_page reads again). */
    pc->gen[p.index % PAGECACHE_GEN_SLOTS]++;
    done += p.len;
  }
  pc->writes++;
  lock_release(&pc->lock);
  return put;
}

/* Last close: write back INODE's dirty pages. */
static void
pc_flush(struct inode *inode)
{
  struct pagecache *pc = inode_get_cache(inode);
  if (pc != NULL && !flush(pc))
    klog_printf("pagecache: write-back failed at close (disk error)\n");
}

static uint64_t
pc_writes(struct inode *inode)
{
  struct pagecache *pc = inode_get_cache(inode);
  return pc != NULL ? __atomic_load_n(&pc->writes, __ATOMIC_RELAXED) : 0;
}

static void
pc_destroy(void *cache)
{
  cache_destroy(cache);
}

/* True if a page still maps a frame of PC.  Lock held. */
static bool
cache_mapped(struct pagecache *pc)
{
  for (uint32_t b = 0; b <= pc->bucket_mask; b++)
    for (struct frame *f = pc->buckets[b]; f != NULL; f = frame_cache_next(f))
      if (f->page != NULL)
        return true;
  return false;
}

/* Unmount: write back and free every cache.  A cache whose frames are
   still mapped (a process called halt, and powers off under itself) is
   written back and left as it is: the machine is going down. */
static void
pc_unmount(void)
{
  lock_acquire(&caches_lock);
  while (!list_empty(&caches)) {
    struct pagecache *pc =
        list_entry(list_pop_front(&caches), struct pagecache, elem);
    pc->listed = false;
    lock_release(&caches_lock);
    if (!inode_is_removed(pc->inode) && !flush(pc))
      klog_printf("pagecache: write-back failed at unmount (disk error)\n");
    lock_acquire(&pc->lock);
    bool mapped = cache_mapped(pc);
    lock_release(&pc->lock);
    if (!mapped && inode_take_cache(pc->inode) == pc)
      cache_destroy(pc);
    lock_acquire(&caches_lock);
  }
  lock_release(&caches_lock);
}

static const struct inode_data_hooks hooks = {
    .read = pc_read,
    .write = pc_write,
    .flush = pc_flush,
    .writes = pc_writes,
    .destroy = pc_destroy,
    .unmount = pc_unmount,
};

void
pagecache_init(void)
{
  lock_init_ranked(&caches_lock, LOCK_RANK_PAGECACHES);
  list_init(&caches);
  inode_set_data_hooks(&hooks);
}

/* ---- Eviction and mappings --------------------------------------------- */

/* Count a write-back for the first mapping of F that has a region (the
   mapping whose dirty bit made it), as mmap write-backs always were. */
static void
count_mapping_write_back(struct frame *f)
{
  for (struct page *p = f->page; p != NULL; p = p->next_sharer)
    if (p->operations->type == VM_FILE && p->in_mapping) {
      VM_COUNT(p->as, file_writebacks);
      trace_vm_writeback(&p->as->spt, p->va);
      return;
    }
}

/* True if a mapping (not program text) shares F. */
static bool
mapped(struct frame *f)
{
  for (struct page *p = f->page; p != NULL; p = p->next_sharer)
    if (p->operations->type == VM_FILE && p->in_mapping)
      return true;
  return false;
}

bool
pagecache_evict(struct frame *f, bool dirty)
{
  struct pagecache *pc = f->cache;
  ASSERT(pc != NULL && lock_held_by_current_thread(&pc->lock));
  bool ok = true;
  if (dirty) {
    f->cache_dirty = true;
    count_mapping_write_back(f);
  } else if (vm_write_clean && !f->cache_dirty && mapped(f)) {
    /* The debug knob: write a clean mapped page all the same. */
    f->cache_dirty = true;
    VM_COUNT(f->page->as, clean_pages_written);
  }
  if (f->cache_dirty)
    ok = write_page(pc, f);
  if (ok) {
    trace_pcache(TRACE_PC_EVICT, pc, f->cache_index, frame_kva(f));
    cache_remove(pc, f);
    STAT_ADD(evictions, 1);
  }
  lock_release(&pc->lock);
  return ok;
}

bool
pagecache_write_back(struct frame *f)
{
  struct pagecache *pc = f->cache;
  ASSERT(pc != NULL);
  lock_acquire(&pc->lock);
  f->cache_dirty = true;
  bool ok = write_page(pc, f);
  lock_release(&pc->lock);
  return ok;
}

void
pagecache_revert(struct frame *f)
{
  struct pagecache *pc = f->cache;
  ASSERT(pc != NULL);
  lock_acquire(&pc->lock);
  if (fill_page(pc, f->cache_index, frame_kva(f)))
    f->cache_dirty = false;
  lock_release(&pc->lock);
}

void
pagecache_get_stats(struct pagecache_stats *s)
{
  s->hits = __atomic_load_n(&stats.hits, __ATOMIC_RELAXED);
  s->misses = __atomic_load_n(&stats.misses, __ATOMIC_RELAXED);
  s->evictions = __atomic_load_n(&stats.evictions, __ATOMIC_RELAXED);
  s->writebacks = __atomic_load_n(&stats.writebacks, __ATOMIC_RELAXED);
  s->frames = __atomic_load_n(&stats.frames, __ATOMIC_RELAXED);
}

void
pagecache_print_stats(void)
{
  struct pagecache_stats s;
  pagecache_get_stats(&s);
  klog_printf("pagecache: hits=%llu misses=%llu evictions=%llu "
              "writebacks=%llu frames=%llu\n",
              (unsigned long long)s.hits, (unsigned long long)s.misses,
              (unsigned long long)s.evictions, (unsigned long long)s.writebacks,
              (unsigned long long)s.frames);
}
