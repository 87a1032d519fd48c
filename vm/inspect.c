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
 * it under the address space's lock and keeps the MAX lowest addresses at or
 * above a start address in a small sorted array: the work is bounded by the
 * process's own page count times MAX (at most PMAP_BATCH), nothing is
 * allocated, and the caller copies the result out after the lock is
 * released.  Both are pure inspection: no fault, no load, no state
 * change. */

#include "vm/inspect.h"

#include "arch/x86_64/intr-frame.h"
#include "arch/x86_64/mmu.h"
#include "threads/interrupt.h"
#include "vm/frame.h"
#include "vm/swap.h"
#include "vm/addrspace.h"
#include "vm/region.h"

static void
inspect_addr(struct intr_frame *f)
{
  struct addrspace *as = addrspace_current();
  void *uva = (void *)f->r.rax;
  void *kva = NULL;
  if (as != NULL && as->pml4 != NULL && is_user_vaddr(uva))
    kva = pml4_get_page(as->pml4, uva);
  f->r.rax = (uint64_t)kva;
}

void
inspect_init(void)
{
  intr_register_int(0x42, 3, inspect_addr, "inspect");
}

/* Describe PAGE in *E.  Address-space lock held. */
static void
describe_page(struct page *page, struct pmap_entry *e)
{
  enum vm_type type = page->operations->type;
  struct frame *f = page->frame;
  e->va = (uintptr_t)page->va;
  e->type = type == VM_ANON   ? PMAP_ANON
            : type == VM_FILE ? PMAP_FILE
                              : PMAP_UNINIT;
  e->future_type = type != VM_UNINIT              ? e->type
                   : page->uninit_type == VM_FILE ? PMAP_FILE
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
    e->frame = f - frame_table;
    e->sharers = frame_sharers(f);
  } else if (type == VM_UNINIT)
    e->state = PMAP_STATE_UNINIT;
  else if (type == VM_FILE)
    e->state = PMAP_STATE_FILE;
  else if (page->anon.zero_mapped)
    e->state = PMAP_STATE_ZERO_PAGE;
  else
    e->state = e->slot != PMAP_NONE ? PMAP_STATE_SWAPPED : PMAP_STATE_ZERO;
}

/* Insert E into OUT (sorted by va, *CNT of MAX used) if it is among the
   MAX lowest seen so far. */
static void
keep_lowest(const struct pmap_entry *e, struct pmap_entry *out, size_t *cnt,
            size_t max)
{
  size_t i = *cnt;
  if (i == max && e->va >= out[max - 1].va)
    return;
  if (i == max)
    i--; /* The highest falls out. */
  for (; i > 0 && out[i - 1].va > e->va; i--)
    out[i] = out[i - 1];
  out[i] = *e;
  if (*cnt < max)
    (*cnt)++;
}

/* Describe the untouched page at VA of lazy region R: no struct page yet. */
static void
describe_region_page(const struct vm_region *r, uintptr_t va,
                     struct pmap_entry *e)
{
  *e = (struct pmap_entry){
      .va = va,
      .type = PMAP_UNINIT,
      .future_type = r->is_mmap ? PMAP_FILE : PMAP_ANON,
      .state = PMAP_STATE_UNINIT,
      .writable = r->writable,
      .frame = PMAP_NONE,
      .slot = PMAP_NONE,
  };
}

/* Offer the MAX lowest untouched pages of R at or above FROM. */
static void
add_region_pages(struct addrspace *as, const struct vm_region *r,
                 uintptr_t from, struct pmap_entry *out, size_t *cnt,
                 size_t max)
{
  uintptr_t start = (uintptr_t)r->start;
  uintptr_t first = from > start ? (uintptr_t)pg_round_up((void *)from) : start;
  size_t offered = 0;
  for (uintptr_t a = first;
       offered < max && a >= start && (a - start) / PGSIZE < r->page_cnt;
       a += PGSIZE) {
    if (spt_find_page(&as->spt, (void *)a) != NULL)
      continue; /* A touched page: the SPT walk reports it. */
    struct pmap_entry e;
    describe_region_page(r, a, &e);
    keep_lowest(&e, out, cnt, max);
    offered++;
  }
}

/* Pages come from the SPT (every touched page) and from the lazy regions
   (the untouched rest); both walks are bounded by what exists and MAX. */
size_t
inspect_pmap(struct supplemental_page_table *spt, uintptr_t from,
             struct pmap_entry *out, size_t max)
{
  size_t cnt = 0;
  if (max > PMAP_BATCH)
    max = PMAP_BATCH;
  if (spt == NULL || max == 0)
    return 0;
  struct addrspace *as = addrspace_of(spt);
  lock_acquire(&as->lock);
  struct hash_iterator i;
  hash_first(&i, &spt->pages);
  while (hash_next(&i)) {
    struct page *p = hash_entry(hash_cur(&i), struct page, hash_elem);
    if ((uintptr_t)p->va >= from) {
      struct pmap_entry e;
      describe_page(p, &e);
      keep_lowest(&e, out, &cnt, max);
    }
  }
  for (struct list_elem *e = list_begin(&as->regions);
       e != list_end(&as->regions); e = list_next(e))
    add_region_pages(as, list_entry(e, struct vm_region, elem), from, out, &cnt,
                     max);
  lock_release(&as->lock);
  return cnt;
}
