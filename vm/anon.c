/* SPDX-License-Identifier: MIT */
/* Anonymous pages: stack, BSS, and program data once loaded.
 *
 * Contents are in the frame while resident.  On eviction they go to a swap
 * slot only if they exist nowhere else: the page was written since its last
 * swap-in (PTE dirty bit, captured in page->dirty when it was unmapped), or
 * it was filled by a loader and has no slot yet.  A page never written
 * reads as zeros and is simply dropped.  After a swap-in the slot is kept
 * as a valid copy while swap space is plentiful, so an unmodified page is
 * not written again; under pressure the slot is freed at once. */

#include "vm/anon.h"

#include <debug.h>
#include <string.h>

#include "mm/vaddr.h"
#include "vm/frame.h"
#include "vm/swap.h"
#include "vm/vm.h"

static bool anon_swap_in(struct page *, void *kva);
static bool anon_swap_out(struct page *);
static void anon_destroy(struct page *);

static const struct page_operations anon_ops = {
    .swap_in = anon_swap_in,
    .swap_out = anon_swap_out,
    .destroy = anon_destroy,
    .type = VM_ANON,
};

/* Become an anonymous page with no contents yet (zeros). */
bool
anon_initializer(struct page *page, enum vm_type type, void *kva)
{
  (void)type;
  page->operations = &anon_ops;
  page->anon.slot = SWAP_NONE;
  page->anon.has_data = false;
  memset(kva, 0, PGSIZE);
  return true;
}

static bool
anon_swap_in(struct page *page, void *kva)
{
  struct anon_page *a = &page->anon;
  if (a->slot == SWAP_NONE) {
    if (a->has_data)
      return false; /* Contents lost: cannot happen by construction. */
    memset(kva, 0, PGSIZE);
    VM_COUNT(page->spt, faults_zero);
    return true;
  }
  if (!swap_read(a->slot, kva))
    return false;
  VM_COUNT(page->spt, faults_swap_in);
  VM_COUNT(page->spt, swap_reads);
  if (swap_slots_used() * 4 > swap_slots_total() * 3) {
    swap_free(a->slot); /* Short of swap: keep no spare copies. */
    a->slot = SWAP_NONE;
  }
  return true;
}

/* Save the contents before the frame is taken; the page is unmapped. */
static bool
anon_swap_out(struct page *page)
{
  struct anon_page *a = &page->anon;
  bool must_write = page->dirty || (a->slot == SWAP_NONE && a->has_data);
  if (!must_write)
    return true; /* Zero page, or the slot already holds these bytes. */
  if (a->slot == SWAP_NONE && (a->slot = swap_alloc()) == SWAP_NONE)
    return false;
  if (!page->dirty && !a->has_data)
    VM_COUNT(page->spt, clean_pages_written);
  if (!swap_write(a->slot, page->frame->kva)) {
    /* The slot holds nothing usable now and its sectors may be bad: drop
       it for good.  The page keeps its frame (the caller re-maps it,
       dirty), and its next eviction tries a fresh slot. */
    swap_retire(a->slot);
    a->slot = SWAP_NONE;
    a->has_data = true;
    return false;
  }
  a->has_data = true;
  VM_COUNT(page->spt, swap_writes);
  return true;
}

static void
anon_destroy(struct page *page)
{
  if (page->anon.slot != SWAP_NONE)
    swap_free(page->anon.slot);
}

/* Copy SRC's current contents into DST_KVA (fork). */
bool
anon_copy_contents(struct page *src, void *dst_kva)
{
  if (src->frame != NULL)
    memcpy(dst_kva, src->frame->kva, PGSIZE);
  else if (src->anon.slot != SWAP_NONE)
    return swap_read(src->anon.slot, dst_kva);
  else
    memset(dst_kva, 0, PGSIZE);
  return true;
}

/* Make PAGE (uninit, no frame yet) an anonymous page whose contents are
   the frame it is about to share (fork, copy-on-write). */
void
anon_share_init(struct page *page)
{
  page->operations = &anon_ops;
  page->anon.slot = SWAP_NONE;
  page->anon.has_data = true;
}
