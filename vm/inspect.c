/* SPDX-License-Identifier: MIT */
/* Looking at the VM from outside: `int 0x42' and pmap.
 *
 * `int 0x42': which frame backs a user address?  Tests use it to check
 * laziness and sharing.  rax holds any 64-bit value; we answer with the
 * frame's direct-map address (page-aligned, non-zero) if the calling
 * process's hardware page table has a present entry for it, else 0.
 *
 * inspect_pmap (the pmap system call) describes an address space page by
 * page from its SPT.  The SPT is a hash table, so each call walks all of
 * it under the SPT lock and keeps the MAX lowest addresses at or above a
 * start address in a small sorted array: the work is bounded by the
 * process's own page count times MAX (at most PMAP_BATCH), nothing is
 * allocated, and the caller copies the result out after the lock is
 * released.  Both are pure inspection: no fault, no load, no state
 * change. */

#include "vm/inspect.h"

#include "arch/x86_64/intr-frame.h"
#include "arch/x86_64/mmu.h"
#include "threads/interrupt.h"
#include "mm/palloc.h"
#include "threads/thread.h"
#include "vm/frame.h"
#include "vm/swap.h"
#include "vm/vm.h"

static void
inspect_addr(struct intr_frame *f)
{
  struct supplemental_page_table *spt = thread_current()->spt;
  void *uva = (void *)f->r.rax;
  void *kva = NULL;
  if (spt != NULL && is_user_vaddr(uva))
    kva = mmu_lookup(spt->pml4, uva);
  f->r.rax = (uint64_t)kva;
}

void
inspect_init(void)
{
  intr_register_int(0x42, 3, INTR_OFF, inspect_addr, "inspect");
}

/* Describe PAGE in *E.  SPT lock held. */
static void
describe_page(struct page *page, struct pmap_entry *e)
{
  enum vm_type type = VM_TYPE(page->operations->type);
  struct frame *f = page->frame;
  e->va = (uintptr_t)page->va;
  e->type = type == VM_ANON   ? PMAP_ANON
            : type == VM_FILE ? PMAP_FILE
                              : PMAP_UNINIT;
  e->future_type = type != VM_UNINIT                       ? e->type
                   : VM_TYPE(page->uninit.type) == VM_FILE ? PMAP_FILE
                                                           : PMAP_ANON;
  e->writable = page->writable;
  e->writable_now = f != NULL && page->writable_now;
  e->frame = PMAP_NONE;
  e->slot = PMAP_NONE;
  e->sharers = 0;
  if (type == VM_ANON && page->anon.slot != SWAP_NONE)
    e->slot = page->anon.slot;
  if (f != NULL) {
    e->state = PMAP_STATE_RESIDENT;
    e->frame =
        ((uint8_t *)f->kva - (uint8_t *)palloc_pool_base(PAL_USER)) / PGSIZE;
    lock_acquire(&frame_lock);
    e->sharers = f->share_cnt;
    lock_release(&frame_lock);
  } else if (type == VM_UNINIT)
    e->state = PMAP_STATE_UNINIT;
  else if (type == VM_FILE)
    e->state = PMAP_STATE_FILE;
  else
    e->state = e->slot != PMAP_NONE ? PMAP_STATE_SWAPPED : PMAP_STATE_ZERO;
}

/* Insert PAGE into OUT (sorted by va, *CNT of MAX used) if it is among
   the MAX lowest seen so far. */
static void
keep_lowest(struct page *page, struct pmap_entry *out, size_t *cnt, size_t max)
{
  uintptr_t va = (uintptr_t)page->va;
  size_t i = *cnt;
  if (i == max && va >= out[max - 1].va)
    return;
  if (i == max)
    i--; /* The highest falls out. */
  for (; i > 0 && out[i - 1].va > va; i--)
    out[i] = out[i - 1];
  describe_page(page, &out[i]);
  if (*cnt < max)
    (*cnt)++;
}

size_t
inspect_pmap(struct supplemental_page_table *spt, uintptr_t from,
             struct pmap_entry *out, size_t max)
{
  size_t cnt = 0;
  if (max > PMAP_BATCH)
    max = PMAP_BATCH;
  if (spt == NULL || max == 0)
    return 0;
  lock_acquire(&spt->lock);
  struct hash_iterator i;
  hash_first(&i, &spt->pages);
  while (hash_next(&i)) {
    struct page *p = hash_entry(hash_cur(&i), struct page, hash_elem);
    if ((uintptr_t)p->va >= from)
      keep_lowest(p, out, &cnt, max);
  }
  lock_release(&spt->lock);
  return cnt;
}
