/* SPDX-License-Identifier: MIT */
/* The frame table and the clock.
 *
 * One struct frame per page of the user pool, in an array indexed by the
 * frame's position in the pool.  frame_lock guards the frame-page links,
 * pin counts and the clock hand.  The clock sweeps the array: a frame whose
 * page was accessed since the last sweep gets its accessed bit cleared and
 * a second chance; the first unpinned, unaccessed frame whose owner's SPT
 * can be locked without waiting is the victim.  Policy only: the eviction
 * mechanism is vm_evict_frame in vm/vm.c. */

#include "vm/frame.h"

#include <debug.h>

#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "mm/vaddr.h"
#include "vm/vm.h"

struct lock frame_lock;
static struct frame *frames;
static size_t frame_cnt;
static uint8_t *pool_base;
static size_t hand;

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
  return f;
}

void
frame_free(struct frame *f)
{
  ASSERT(f->page == NULL);
  palloc_free_page(f->kva);
}

/* Lock SPT for eviction unless the caller already holds it.  Sets
   *LOCKED when we took it.  False if it is busy. */
static bool
claim_owner(struct supplemental_page_table *spt, bool *locked)
{
  *locked = false;
  if (lock_held_by_current_thread(&spt->lock))
    return true;
  if (!lock_try_acquire(&spt->lock))
    return false;
  *locked = true;
  return true;
}

struct frame *
frame_clock_victim(bool *locked_owner)
{
  ASSERT(lock_held_by_current_thread(&frame_lock));
  for (size_t n = 0; n < 2 * frame_cnt; n++) {
    struct frame *f = &frames[hand];
    hand = (hand + 1) % frame_cnt;
    if (f->page == NULL || f->pin_cnt > 0)
      continue;
    struct supplemental_page_table *spt = f->page->spt;
    if (!claim_owner(spt, locked_owner))
      continue;
    if (mmu_test_and_clear_accessed(spt->pml4, f->page->va)) {
      if (*locked_owner)
        lock_release(&spt->lock);
      continue;
    }
    f->pin_cnt++;
    return f;
  }
  return NULL;
}

void
frame_print_stats(void)
{
  klog_printf("frames: %zu in the user pool, %zu free\n", frame_cnt,
              palloc_free_count(PAL_USER));
}
