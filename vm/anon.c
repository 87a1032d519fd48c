/* SPDX-License-Identifier: MIT */
/* Anonymous pages: stack, BSS, and program data once loaded.
 *
 * Contents are in the frame while resident.  On eviction they go to a swap
 * slot only if they exist nowhere else: the page was written since its last
 * swap-in (the PTE's dirty bit, which the evictor passes in), or it was
 * filled by the loader and has no slot yet.  A page never written reads as
 * zeros and is simply dropped.  After a swap-in the slot is kept as a valid
 * copy while swap space is plentiful, so an unmodified page is not written
 * again; under pressure the slot is freed at once. */

#include "vm/vm.h" /* First: the per-type headers need enum vm_type. */

#include <debug.h>
#include <string.h>

#include "devices/trace.h"
#include "mm/vaddr.h"
#include "vm/addrspace.h"
#include "vm/frame.h"
#include "vm/swap.h"

static bool anon_swap_in(struct page *, void *kva);
static bool anon_swap_out(struct page *, bool dirty);
static void anon_destroy(struct page *);

static const struct page_operations anon_ops = {
    .swap_in = anon_swap_in,
    .swap_out = anon_swap_out,
    .destroy = anon_destroy,
    .type = VM_ANON,
};

bool
anon_initializer(struct page *page, bool has_data)
{
  page->operations = &anon_ops;
  page->anon.slot = SWAP_NONE;
  page->anon.has_data = has_data;
  page->anon.zero_mapped = false;
  return true;
}

static bool
anon_swap_in(struct page *page, void *kva)
{
  struct anon_page *a = &page->anon;
  if (a->slot == SWAP_NONE) {
    ASSERT(!a->has_data); /* Saved somewhere by construction. */
    memset(kva, 0, PGSIZE);
    return true;
  }
  if (!swap_read(a->slot, kva))
    return false;
  VM_COUNT(page->as, swap_reads);
  trace_vm_swap_in(&page->as->spt, page->va, a->slot);
  if (swap_slots_used() * 4 > swap_slots_total() * 3) {
    swap_free(a->slot); /* Short of swap: keep no spare copies. */
    a->slot = SWAP_NONE;
    a->has_data = true;
  }
  return true;
}

/* Save the contents before the frame is taken; the page is unmapped. */
static bool
anon_swap_out(struct page *page, bool dirty)
{
  struct anon_page *a = &page->anon;
  bool valid_copy = a->slot != SWAP_NONE;
  bool must_write = dirty || (!valid_copy && a->has_data);
  if (valid_copy && must_write && swap_is_shared(a->slot)) {
    swap_free(a->slot); /* Others still read it: write a slot of our own. */
    a->slot = SWAP_NONE;
    valid_copy = false;
  }
  if (!must_write &&
      !(vm_write_clean && valid_copy && !swap_is_shared(a->slot)))
    return true; /* Zero page, or the slot already holds these bytes. */
  bool new_slot = !valid_copy;
  if (new_slot && (a->slot = swap_alloc()) == SWAP_NONE)
    return false;
  if (!dirty && valid_copy)
    VM_COUNT(page->as, clean_pages_written);
  VM_COUNT(page->as, swap_writes);
  trace_vm_swap_out(&page->as->spt, page->va, a->slot);
  if (!swap_write(a->slot, frame_kva(page->frame))) {
    /* The slot holds nothing usable now and its sectors may be bad: drop
       it for good.  The page keeps its frame (the evictor remaps it,
       dirty), has data only there, and its next eviction tries a fresh
       slot. */
    swap_retire(a->slot);
    a->slot = SWAP_NONE;
    a->has_data = true;
    return false;
  }
  a->has_data = true;
  return true;
}

bool
anon_swap_out_shared(struct frame *f, bool dirty)
{
  struct page *first = f->page;
  /* One slot for all: FIRST's own if still valid, else a fresh write. */
  if (!anon_swap_out(first, dirty || first->anon.slot == SWAP_NONE))
    return false;
  for (struct page *p = first->next_sharer; p != NULL; p = p->next_sharer) {
    ASSERT(p->operations == &anon_ops);
    if (p->anon.slot != SWAP_NONE)
      swap_free(p->anon.slot);
    p->anon.slot = swap_ref(first->anon.slot);
    p->anon.has_data = true;
  }
  return true;
}

void
anon_fork_swapped(struct page *dst, const struct page *src)
{
  anon_initializer(dst, true);
  dst->anon.slot = swap_ref(src->anon.slot);
}

static void
anon_destroy(struct page *page)
{
  if (page->anon.slot != SWAP_NONE)
    swap_free(page->anon.slot);
}
