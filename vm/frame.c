/* SPDX-License-Identifier: MIT */
/* The frame table and the victim search.
 *
 * One struct frame per page of the user pool, in an array indexed by the
 * frame's position in the pool.  frame_lock guards the frame-page links,
 * pin counts and the replacement policy's state.  The victim search is
 * mechanism here and choice in the policy (vm/policy.h, picked at boot
 * with -vm-policy=NAME): the policy offers frames in its order; a frame
 * that is unowned, pinned, or one of whose sharers' SPT cannot be locked
 * without waiting is skipped; for the others the accessed bits of every
 * sharer are read and cleared, and the policy takes or passes.  The
 * eviction itself is vm_evict_frame in vm/vm.c. */

#include "vm/frame.h"

#include <debug.h>

#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "mm/vaddr.h"
#include "vm/policy.h"
#include "vm/vm.h"

struct lock frame_lock;
static struct frame *frames;
static size_t frame_cnt;
static uint8_t *pool_base;
static const struct vm_policy *policy;

void
frame_table_init(void)
{
  lock_init(&frame_lock);
  frame_cnt = palloc_total_count(PAL_USER);
  pool_base = palloc_pool_base(PAL_USER);
  frames = calloc(frame_cnt, sizeof *frames);
  if (frames == NULL)
    PANIC("frame table: no memory for %zu frames", frame_cnt);
  for (size_t i = 0; i < frame_cnt; i++)
    frames[i].kva = pool_base + i * PGSIZE;
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
  struct frame *f = &frames[(kva - pool_base) / PGSIZE];
  ASSERT(f->kva == kva && f->page == NULL);
  f->pin_cnt = 0;
  f->share_cnt = 0;
  return f;
}

void
frame_free(struct frame *f)
{
  ASSERT(f->page == NULL);
  palloc_free_page(f->kva);
}

/* Take SPT's lock for eviction unless the caller already holds it,
   recording it in V.  False if it is busy. */
static bool
claim_owner(struct supplemental_page_table *spt, struct victim *v)
{
  if (lock_held_by_current_thread(&spt->lock))
    return true;
  if (v->locked_cnt == VICTIM_MAX_SHARERS || !lock_try_acquire(&spt->lock))
    return false;
  v->locked[v->locked_cnt++] = &spt->lock;
  return true;
}

static void
release_owners(struct victim *v)
{
  while (v->locked_cnt > 0)
    lock_release(v->locked[--v->locked_cnt]);
}

/* Lock every sharer of F; false (nothing held) if one is busy. */
static bool
claim_sharers(struct frame *f, struct victim *v)
{
  for (struct page *p = f->page; p != NULL; p = p->next_sharer)
    if (!claim_owner(p->spt, v)) {
      release_owners(v);
      return false;
    }
  return true;
}

/* Clear the accessed bit in every sharer's PTE; true if any was set. */
static bool
test_and_clear_accessed(struct frame *f)
{
  bool accessed = false;
  for (struct page *p = f->page; p != NULL; p = p->next_sharer)
    accessed |= mmu_test_and_clear_accessed(p->spt->pml4, p->va);
  return accessed;
}

/* Tell the policy what the accessed bits of its next batch of frames
   say, for the policies that keep a history (aging). */
static void
sample_batch(void)
{
  size_t batch = policy->sample_batch();
  for (size_t n = 0; n < batch && n < frame_cnt; n++) {
    size_t i = policy->sample_next();
    if (i == POLICY_END)
      break;
    struct victim held = {.locked_cnt = 0};
    if (frames[i].page == NULL || !claim_sharers(&frames[i], &held))
      continue;
    policy->sampled(i, test_and_clear_accessed(&frames[i]));
    release_owners(&held);
  }
}

bool
frame_choose_victim(struct victim *v)
{
  ASSERT(lock_held_by_current_thread(&frame_lock));
  v->locked_cnt = 0;
  sample_batch();
  policy->scan_begin();
  for (size_t n = 0; n < 2 * frame_cnt; n++) {
    size_t i = policy->next();
    if (i == POLICY_END)
      break;
    struct frame *f = &frames[i];
    if (f->page == NULL || f->pin_cnt > 0 || !claim_sharers(f, v))
      continue;
    if (!policy->judge(i, test_and_clear_accessed(f))) {
      release_owners(v);
      continue;
    }
    f->pin_cnt++;
    v->frame = f;
    return true;
  }
  return false;
}

/* What the policy may use to recognise PAGE when it comes back: its
   owner and address, mixed. */
static uintptr_t
page_key(const struct page *page)
{
  return ((uintptr_t)page->spt * 0x9e3779b97f4a7c15ull) ^ (uintptr_t)page->va;
}

void
frame_link(struct frame *f, struct page *page)
{
  if (f->page == NULL)
    policy->claimed(f - frames, page_key(page));
  page->frame = f;
  page->next_sharer = f->page;
  f->page = page;
  f->share_cnt++;
}

unsigned
frame_unlink(struct frame *f, struct page *page)
{
  struct page **pp = &f->page;
  while (*pp != page) {
    ASSERT(*pp != NULL);
    pp = &(*pp)->next_sharer;
  }
  *pp = page->next_sharer;
  page->next_sharer = NULL;
  page->frame = NULL;
  if (f->page == NULL)
    policy->freed(f - frames);
  return --f->share_cnt;
}

void
frame_print_stats(void)
{
  klog_printf("frames: %zu in the user pool, %zu free\n", frame_cnt,
              palloc_free_count(PAL_USER));
}
