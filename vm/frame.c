/* SPDX-License-Identifier: MIT */
/* The frame table and the victim search.
 *
 * One struct frame per page of the user pool, in an array indexed by the
 * frame's position in the pool.  frame_lock guards the frame-page links,
 * pin counts and the replacement policy's state; no one outside this file
 * takes it.  The victim search is mechanism here and choice in the policy
 * (vm/policy.h, picked at boot with -vm-policy=NAME): the policy offers
 * frames in its order; a frame that is unowned, pinned, or one of whose
 * sharers' address spaces cannot be locked without waiting is skipped;
 * for the others the accessed bits of every sharer are read and cleared,
 * and the policy takes or passes.  The eviction itself is vm_evict_frame
 * in vm/vm.c.
 *
 * A frame of the page cache (vm/pagecache.c) is owned by its cache and by
 * every page mapping it; the search try-locks the cache's lock too, and
 * read() and write() hits stand in for its accessed bit (cache_used).
 *
 * Locking: owners' address-space locks (rank 10) are only try-locked here,
 * with frame_lock (rank 20) held; a try-lock never waits, so this cannot
 * deadlock whatever the evicting thread holds (vm/vm.h). */

#include "vm/frame.h"

#include <debug.h>

#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "mm/vaddr.h"
#include "threads/synch.h"
#include "vm/addrspace.h"
#include "vm/pagecache.h"
#include "vm/policy.h"

static struct lock frame_lock;
struct frame *frame_table;
static size_t frame_cnt;
uint8_t *frame_pool_base;
static const struct vm_policy *policy; /* Chosen at boot. */

void
frame_table_init(void)
{
  lock_init_ranked(&frame_lock, LOCK_RANK_FRAME);
  frame_cnt = palloc_total_count(PAL_USER);
  frame_pool_base = palloc_pool_base(PAL_USER);
  frame_table = calloc(frame_cnt, sizeof *frame_table);
  if (frame_table == NULL)
    PANIC("frame table: no memory for %zu frames", frame_cnt);
  for (size_t i = 0; i < frame_cnt; i++)
    frame_table[i].cache_next = FRAME_NONE;
  policy_freeze();
  policy = policy_current();
  if (!policy->init(frame_cnt))
    PANIC("frame table: no memory for the %s policy", policy->name);
  klog_printf("frames: replacement policy %s\n", policy->name);
}

struct frame *
frame_alloc(void)
{
  uint8_t *kva = palloc_get_page(PAL_USER);
  if (kva == NULL)
    return NULL;
  struct frame *f = &frame_table[(kva - frame_pool_base) / PGSIZE];
  ASSERT(f->page == NULL);
  /* No lock: the search skips a frame with no page before it reads the
     pin count, and this one gets its page only in frame_link. */
  f->pin_cnt = 1;
  f->cache = NULL;
  f->cache_dirty = f->cache_used = false;
  return f;
}

void
frame_free(struct frame *f)
{
  ASSERT(f->page == NULL && f->cache == NULL);
  palloc_free_page(frame_kva(f));
}

/* True if F has an owner: a page or a page cache. */
static bool
frame_owned(const struct frame *f)
{
  return f->page != NULL || f->cache != NULL;
}

/* Take the address-space lock of every sharer of F, and its page cache's
   lock; false (nothing taken) if one is busy. */
static bool
claim_sharers(struct frame *f)
{
  /* A lock this thread holds counts as busy (a loader reads its program
     with its address space locked, and may have to evict meanwhile). */
  if (f->cache != NULL && (lock_held_by_current_thread(&f->cache->lock) ||
                           !lock_try_acquire(&f->cache->lock)))
    return false;
  struct page *p;
  for (p = f->page; p != NULL; p = p->next_sharer)
    if (lock_held_by_current_thread(&p->as->lock) ||
        !lock_try_acquire(&p->as->lock))
      break;
  if (p == NULL)
    return true;
  for (struct page *q = f->page; q != p; q = q->next_sharer)
    lock_release(&q->as->lock);
  if (f->cache != NULL)
    lock_release(&f->cache->lock);
  return false;
}

static void
release_sharers(struct frame *f)
{
  for (struct page *p = f->page; p != NULL; p = p->next_sharer)
    lock_release(&p->as->lock);
  if (f->cache != NULL)
    lock_release(&f->cache->lock);
}

/* Clear the accessed bit in every sharer's PTE (and the page cache's use
   mark); true if any was set. */
static bool
test_and_clear_accessed(struct frame *f)
{
  bool accessed = false;
  for (struct page *p = f->page; p != NULL; p = p->next_sharer)
    accessed |= pml4_test_and_clear_accessed(p->as->pml4, p->va);
  if (f->cache != NULL) {
    accessed |= f->cache_used;
    f->cache_used = false;
  }
  return accessed;
}

/* Tell the policy what the accessed bits of its next batch of frames
   say, for the policies that keep a history (aging).  frame_lock held. */
static void
sample_batch(void)
{
  size_t batch = policy->sample_batch();
  for (size_t n = 0; n < batch && n < frame_cnt; n++) {
    size_t i = policy->sample_next();
    if (i == POLICY_END)
      break;
    if (!frame_owned(&frame_table[i]) || !claim_sharers(&frame_table[i]))
      continue;
    policy->sampled(i, test_and_clear_accessed(&frame_table[i]));
    release_sharers(&frame_table[i]);
  }
}

/* True if one of F's sharers is a page SELF's own last faults brought
   in (its sharers' locks held). */
static bool
needed_by_self(struct frame *f, const struct addrspace *self)
{
  for (struct page *p = f->page; p != NULL; p = p->next_sharer)
    if (p->as == self && addrspace_claimed_recently(self, p->va))
      return true;
  return false;
}

struct frame *
frame_choose_victim(bool *busy)
{
  const struct addrspace *self = addrspace_current();
  *busy = false;
  lock_acquire(&frame_lock);
  sample_batch();
  policy->scan_begin();
  for (size_t n = 0; n < 2 * frame_cnt; n++) {
    size_t i = policy->next();
    if (i == POLICY_END)
      break;
    struct frame *f = &frame_table[i];
    if (!frame_owned(f))
      continue;
    if (f->pin_cnt > 0 || !claim_sharers(f)) {
      *busy = true;
      continue;
    }
    if (needed_by_self(f, self)) {
      release_sharers(f);
      continue;
    }
    if (!policy->judge(i, test_and_clear_accessed(f))) {
      *busy = true; /* Used lately: it may be offered again. */
      release_sharers(f);
      continue;
    }
    __atomic_fetch_add(&f->pin_cnt, 1, __ATOMIC_ACQUIRE); /* Vs unpin. */
    lock_release(&frame_lock);
    return f;
  }
  lock_release(&frame_lock);
  return NULL;
}

/* What the policy may use to recognise PAGE when it comes back: its
   owner and address, mixed. */
static uintptr_t
page_key(const struct page *page)
{
  return ((uintptr_t)page->as * 0x9e3779b97f4a7c15ull) ^ (uintptr_t)page->va;
}

/* Without frame_lock: dropping a pin only ever makes a frame a
   candidate, and the search reads the count once per offer under the
   lock, so an atomic decrement is enough. */
void
frame_unpin(struct frame *f)
{
  unsigned was = __atomic_fetch_sub(&f->pin_cnt, 1, __ATOMIC_RELEASE);
  ASSERT(was > 0);
}

void
frame_pin(struct frame *f)
{
  ASSERT(f->cache != NULL && lock_held_by_current_thread(&f->cache->lock));
  lock_acquire(&frame_lock);
  __atomic_fetch_add(&f->pin_cnt, 1, __ATOMIC_ACQUIRE); /* Vs unpin. */
  lock_release(&frame_lock);
}

/* What the policy may use to recognise page INDEX of CACHE. */
static uintptr_t
cache_key(const struct pagecache *cache, uint32_t index)
{
  return ((uintptr_t)cache * 0x9e3779b97f4a7c15ull) ^ ((uintptr_t)index << 12);
}

void
frame_set_cache(struct frame *f, struct pagecache *cache, uint32_t index)
{
  ASSERT(lock_held_by_current_thread(&cache->lock));
  ASSERT(f->pin_cnt > 0 && !frame_owned(f));
  lock_acquire(&frame_lock);
  policy->claimed(f - frame_table, cache_key(cache, index));
  f->cache = cache;
  f->cache_index = index;
  f->cache_dirty = false;
  f->cache_used = true;
  lock_release(&frame_lock);
}

void
frame_clear_cache(struct frame *f)
{
  ASSERT(f->cache != NULL && lock_held_by_current_thread(&f->cache->lock));
  lock_acquire(&frame_lock);
  f->cache = NULL;
  f->cache_dirty = false;
  if (f->page == NULL)
    policy->freed(f - frame_table);
  lock_release(&frame_lock);
}

void
frame_link(struct frame *f, struct page *page)
{
  ASSERT(lock_held_by_current_thread(&page->as->lock));
  lock_acquire(&frame_lock);
  if (!frame_owned(f))
    policy->claimed(f - frame_table, page_key(page));
  page->frame = f;
  page->next_sharer = f->page;
  f->page = page;
  lock_release(&frame_lock);
}

bool
frame_unlink(struct frame *f, struct page *page)
{
  ASSERT(lock_held_by_current_thread(&page->as->lock));
  lock_acquire(&frame_lock);
  struct page **pp = &f->page;
  while (*pp != page) {
    ASSERT(*pp != NULL);
    pp = &(*pp)->next_sharer;
  }
  *pp = page->next_sharer;
  page->next_sharer = NULL;
  page->frame = NULL;
  bool owned = frame_owned(f);
  if (!owned)
    policy->freed(f - frame_table);
  lock_release(&frame_lock);
  return owned;
}

unsigned
frame_sharers(struct frame *f)
{
  unsigned n = 0;
  lock_acquire(&frame_lock);
  for (struct page *p = f->page; p != NULL; p = p->next_sharer)
    n++;
  lock_release(&frame_lock);
  return n;
}

void
frame_print_stats(void)
{
  klog_printf("frames: %zu in the user pool, %zu free\n", frame_cnt,
              palloc_free_count(PAL_USER));
}
