/* SPDX-License-Identifier: MIT */
/* The generic VM layer: creating pages, resolving faults, evicting, fork.
 *
 * See vm/vm.h for the page life cycle, the fault path and the lock order.
 * Invariants that hold whenever an address space's lock is free:
 *   1. page->frame != NULL  iff  the page is mapped in its pml4 to a frame
 *      of the user pool, and then the page is on frame's chain of sharers
 *      (frame->page, next_sharer); it is mapped writable iff
 *      page->writable_now.  The only other mapping a page can have is the
 *      shared zero frame, read-only, for an anonymous page only read so
 *      far (anon.zero_mapped; such a page has no frame, no slot, no data);
 *   2. an uninit page has no frame;
 *   3. a frame linked to a page is pinned while its page is being filled
 *      (vm_do_claim_page) or evicted (vm_evict_frame); an unlinked frame is
 *      in the user pool or held by the thread that took it from
 *      vm_get_frame (the clock skips both);
 *   4. a frame with several sharers holds anonymous pages only, all mapped
 *      read-only (copy-on-write), or belongs to a page cache (file pages
 *      mapping one file page, vm/pagecache.h). */

#include "vm/vm.h"

#include <debug.h>
#include <string.h>

#include "devices/timer.h"
#include "devices/trace.h"
#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "mm/vaddr.h"
#include "vm/addrspace.h"
#include "vm/frame.h"
#include "vm/inspect.h"
#include "vm/pagecache.h"
#include "vm/region.h"
#include "vm/swap.h"

struct vm_counters vm_stats;
bool vm_write_clean;

/* One page of zeros from the kernel pool, never written and never freed:
   every untouched anonymous page that is only read maps it read-only. */
static void *zero_frame;

void
vm_init(void)
{
  zero_frame = palloc_get_page(PAL_ZERO);
  if (zero_frame == NULL)
    PANIC("vm: no memory for the zero frame");
  frame_table_init();
  pagecache_init();
  swap_init();
  inspect_init();
  trace_boot(palloc_pool_base(PAL_USER), palloc_total_count(PAL_USER),
             swap_slots_total());
}

void
vm_count(struct addrspace *as, size_t field_offset)
{
  /* Atomic: faults of different processes run on several CPUs at once. */
  __atomic_add_fetch((uint64_t *)((char *)&vm_stats + field_offset), 1,
                     __ATOMIC_RELAXED);
  if (as != NULL)
    ((uint64_t *)((char *)&as->stats + field_offset))[0]++;
}

/* ---- Dispatch ---------------------------------------------------------- */

/* Bring PAGE's contents into KVA, the frame it was just linked to and
   that stays pinned meanwhile (the owner may have let go of its lock for
   the I/O: nobody else touches a page whose frame is pinned). */
bool
swap_in(struct page *page, void *kva)
{
  ASSERT(page->magic == PAGE_MAGIC);
  ASSERT(page->frame != NULL && frame_kva(page->frame) == kva);
  ASSERT(page->frame->pin_cnt > 0);
  return page->operations->swap_in(page, kva);
}

/* Save PAGE's contents before its frame is taken; PAGE is unmapped and
   was written through its mapping iff DIRTY.  False if they cannot be
   saved (no swap slot, disk error): the page must keep its frame. */
bool
swap_out(struct page *page, bool dirty)
{
  ASSERT(page->magic == PAGE_MAGIC);
  ASSERT(page->frame != NULL);
  ASSERT(lock_held_by_current_thread(&page->as->lock));
  return page->operations->swap_out(page, dirty);
}

/* Release what PAGE's type holds (swap slot; a dirty mapped page is
   written back).  The frame, if any, is still linked. */
void
destroy(struct page *page)
{
  ASSERT(page->magic == PAGE_MAGIC);
  ASSERT(lock_held_by_current_thread(&page->as->lock));
  page->operations->destroy(page);
}

/* ---- Creating pages ---------------------------------------------------- */

/* A new uninit page of AS at VA, inserted in its SPT.  NULL if VA is taken
   or memory is short.  AS's lock is held. */
static struct page *
page_create(struct addrspace *as, enum vm_type type, void *va, bool writable,
            vm_initializer *init, const struct load_recipe *recipe,
            struct vm_region *region)
{
  ASSERT(pg_ofs(va) == 0 && lock_held_by_current_thread(&as->lock));
  if (!is_user_vaddr(va) || (uintptr_t)va < PGSIZE)
    return NULL;
  struct page *page = malloc(sizeof *page);
  if (page == NULL)
    return NULL;
  uninit_new(page, va, init, type, recipe, region);
  page->writable = page->writable_now = writable;
  if (!spt_insert_page(&as->spt, page)) {
    free(page);
    return NULL;
  }
  trace_vm_alloc(&as->spt, va, type, writable);
  return page;
}

bool
vm_alloc_page_with_initializer(enum vm_type type, void *va, bool writable,
                               vm_initializer *init,
                               const struct load_recipe *recipe)
{
  struct addrspace *as = addrspace_current();
  /* A loader page on a BSS run of an earlier segment (they share a page)
     takes the run's place there, with both permissions. */
  struct vm_region *run = region_find(as, va);
  if (run != NULL && run->is_mmap)
    return false;
  if (run != NULL && run->writable) {
    writable = true;
    type = VM_ANON;
  }
  return page_create(as, type, va, writable, init, recipe, NULL) != NULL;
}

/* The loader's second claim of the uninit page at VA (segments sharing a
   page): add RECIPE's pieces and widen the page to WRITABLE.  A writable
   loaded page is anonymous (pintos-abi.md 7.6), whatever the first claim
   said.  False if the page is no longer uninit or the pieces do not fit. */
bool
vm_extend_lazy_page(void *va, const struct load_recipe *recipe, bool writable)
{
  struct addrspace *as = addrspace_current();
  ASSERT(lock_held_by_current_thread(&as->lock));
  struct page *page = spt_find_page(&as->spt, va);
  if (page == NULL || page->operations->type != VM_UNINIT || page->in_mapping ||
      !recipe_merge(&page->uninit.recipe, recipe))
    return false;
  if (recipe_has_bytes(recipe))
    page->uninit.init = vm_load_recipe;
  page->writable = page->writable_now = page->writable || writable;
  if (page->writable)
    page->uninit_type = VM_ANON;
  return true;
}

bool
vm_alloc_zero_region(void *va, size_t page_cnt, bool writable)
{
  struct addrspace *as = addrspace_current();
  ASSERT(lock_held_by_current_thread(&as->lock));
  uintptr_t start = (uintptr_t)va;
  if (page_cnt == 0 || start < PGSIZE || start >= KERN_BASE ||
      page_cnt > (KERN_BASE - start) / PGSIZE)
    return false;
  return region_create(as, va, page_cnt, writable, NULL, 0) != NULL;
}

/* Content initializer of file-built pages: run RECIPE against the page's
   file (its mapping's or the program's) into its new frame. */
bool
vm_load_recipe(struct page *page, const struct load_recipe *recipe)
{
  return recipe_load(recipe, file_page_file(page), frame_kva(page->frame));
}

/* ---- Getting a frame --------------------------------------------------- */

/* Put F back into every sharer's page table after a failed eviction. */
static void
remap_sharers(struct frame *f, bool dirty)
{
  for (struct page *p = f->page; p != NULL; p = p->next_sharer) {
    pml4_set_page(p->as->pml4, p->va, frame_kva(f), p->writable_now);
    if (dirty)
      pml4_set_dirty(p->as->pml4, p->va, true);
  }
}

/* Trace the eviction of P (DIRTY) from F: where its contents went. */
static void
trace_evicted(struct page *p, struct frame *f, bool dirty)
{
  if (!TRACE_VM_ON)
    return;
  enum vm_type t = p->operations->type;
  size_t slot = t == VM_ANON ? p->anon.slot : SWAP_NONE;
  enum trace_dest d = slot != SWAP_NONE ? TRACE_DEST_SWAP
                      : t == VM_FILE && p->in_mapping && dirty
                          ? TRACE_DEST_FILE
                          : TRACE_DEST_DROPPED;
  trace_vm_evict(&p->as->spt, p->va, frame_kva(f), dirty, d,
                 slot == SWAP_NONE ? TRACE_NONE : slot);
}

/* Why vm_evict_frame found no frame. */
enum evict_failure {
  EVICT_BUSY,    /* Every candidate pinned or its owner busy: wait. */
  EVICT_NO_ROOM, /* The victim could not be saved (swap full or absent),
                    or only pages this fault's instruction needs are left. */
};

/* Take a frame from its page(s), by the clock: unmap every sharer, save
   the contents once per sharer (swap_out), unlink them.  The caller holds
   no address-space lock.  Returns the frame pinned, or NULL (and *WHY). */
static struct frame *
vm_evict_frame(enum evict_failure *why)
{
  bool busy;
  struct frame *f = frame_choose_victim(&busy);
  if (f == NULL) {
    *why = busy ? EVICT_BUSY : EVICT_NO_ROOM;
    return NULL;
  }

  /* Unmap first, so no sharer can change the bytes being saved: every
     sharer's entry in one batch, whose shootdown is done before the
     contents are written out (a CPU running a sharer could otherwise go
     on writing through its cached entry).  The frame is dirty if any
     sharer wrote it (COW sharers are read-only now but may have written
     before the fork). */
  bool dirty = false;
  struct tlb_batch tlb;
  tlb_batch_init(&tlb, TLB_EVICT);
  for (struct page *p = f->page; p != NULL; p = p->next_sharer)
    dirty |= pml4_clear_page_dirty(p->as->pml4, p->va, &tlb);
  tlb_batch_finish(&tlb);
  dbg(VM, "evict frame %p: %u sharer(s), %s\n", frame_kva(f), frame_sharers(f),
      dirty ? "dirty" : "clean");
  bool saved = f->cache != NULL               ? pagecache_evict(f, dirty)
               : f->page->next_sharer != NULL ? anon_swap_out_shared(f, dirty)
                                              : swap_out(f->page, dirty);
  if (!saved) {
    remap_sharers(f, dirty);
    for (struct page *p = f->page; p != NULL; p = p->next_sharer)
      lock_release(&p->as->lock);
    frame_unpin(f);
    *why = EVICT_NO_ROOM;
    return NULL;
  }
  while (f->page != NULL) {
    struct page *p = f->page;
    struct lock *owner = &p->as->lock;
    VM_COUNT(p->as, evictions);
    trace_evicted(p, f, dirty);
    frame_unlink(f, p);
    lock_release(owner);
  }
  return f;
}

#define VM_NO_ROOM_TRIES 64 /* Unsavable victims before out of memory. */
#define VM_BUSY_TICKS 1000  /* Ticks to wait for busy owners (10 s). */

/* Evict until a frame is free; NULL when memory is really out. */
static struct frame *
evict_or_wait(void)
{
  int busy = 0, no_room = 0;
  for (;;) {
    enum evict_failure why;
    struct frame *f = frame_alloc();
    if (f == NULL)
      f = vm_evict_frame(&why);
    if (f != NULL)
      return f;
    /* Unsavable victims (swap full, or none) are passed over by the
       clock's next pick; once many fail in a row memory is really out. */
    if (why == EVICT_NO_ROOM && ++no_room >= VM_NO_ROOM_TRIES)
      return NULL;
    /* Everything is pinned or its owners are in the middle of faults:
       they finish in bounded time, so wait for them. */
    if (why == EVICT_BUSY) {
      if (++busy >= VM_BUSY_TICKS)
        return NULL;
      timer_sleep(1);
    }
  }
}

/* A pinned frame owned by nobody, for the page cache: from the pool or by
   eviction.  The caller holds no address-space lock.  NULL when memory
   is really out. */
struct frame *
vm_get_free_frame(void)
{
  struct frame *f = frame_alloc();
  return f != NULL ? f : evict_or_wait();
}

/* The address-space locks a thread holds while it claims PAGE: its own,
   and PAGE's owner's if that is another (a fork child being built). */
struct held_spaces {
  struct lock *own, *other;
};

/* Let go of the address-space locks held for claiming PAGE. */
static struct held_spaces
let_go(struct page *page)
{
  struct addrspace *cur = addrspace_current();
  struct held_spaces h = {NULL, NULL};
  if (cur != NULL && lock_held_by_current_thread(&cur->lock))
    h.own = &cur->lock;
  if (&page->as->lock != h.own && lock_held_by_current_thread(&page->as->lock))
    h.other = &page->as->lock;
  if (h.other != NULL)
    lock_release(h.other);
  if (h.own != NULL)
    lock_release(h.own);
  return h;
}

/* Take them back, in rank order. */
static void
take_back(struct held_spaces h)
{
  if (h.own != NULL)
    lock_acquire(h.own);
  if (h.other != NULL)
    lock_acquire(h.other);
}

/* A pinned frame for PAGE (not resident): from the user pool if it has
   one, else by eviction.  NULL only when nothing can be evicted.

   On the slow path the thread lets go of its address-space locks while
   it evicts and waits, and takes them back before returning: others must
   be able to evict its pages meanwhile, or a process short of memory
   would stall everyone.  Only the owner changes an SPT, so PAGE is still
   there afterwards; the caller re-reads anything else. */
static struct frame *
vm_get_frame(struct page *page)
{
  struct frame *f = frame_alloc();
  if (f != NULL)
    return f;
  struct held_spaces held = let_go(page);
  f = evict_or_wait();
  take_back(held);
  return f;
}

/* ---- Claiming ---------------------------------------------------------- */

/* What a fault is, decided once, under the lock. */
enum fault_kind {
  FAULT_BAD,       /* Not a legal access. */
  FAULT_PRESENT,   /* Already resolved (nothing to do). */
  FAULT_ZERO,      /* Not present: zero-fill. */
  FAULT_ZERO_PAGE, /* ... but only read: map the shared zero frame. */
  FAULT_FILE,      /* Not present: read from a file. */
  FAULT_SWAP,      /* Not present: read from swap. */
  FAULT_STACK,     /* Stack growth. */
  FAULT_COW,       /* Write to a copy-on-write page: copied. */
  FAULT_COW_LAST,  /* ... by its last sharer: made writable in place. */
};

/* Where a page that is not resident gets its contents. */
static enum fault_kind
fill_source(const struct page *page)
{
  switch (page->operations->type) {
  case VM_UNINIT: {
    if (page->uninit.init == NULL)
      return FAULT_ZERO;
    struct load_recipe r = page_recipe(page);
    return recipe_has_bytes(&r) ? FAULT_FILE : FAULT_ZERO;
  }
  case VM_ANON:
    return page->anon.slot != SWAP_NONE ? FAULT_SWAP : FAULT_ZERO;
  default:
    return FAULT_FILE;
  }
}

/* True if PAGE is mapped to the shared zero frame. */
static bool
on_zero_frame(const struct page *page)
{
  return page->operations->type == VM_ANON && page->anon.zero_mapped;
}

/* Map PAGE's frame at its address in its owner's page table, in place of
   the zero frame if PAGE had it. */
static bool
install_page(struct page *page, struct frame *f)
{
  pte_t *pml4 = page->as->pml4;
  if (on_zero_frame(page))
    page->anon.zero_mapped = false; /* pml4_set_page replaces it. */
  else if (pml4_get_page(pml4, page->va) != NULL)
    return false;
  return pml4_set_page(pml4, page->va, frame_kva(f), page->writable_now);
}

/* A read of PAGE (not resident, zero-filled when loaded, never written):
   map the shared zero frame read-only instead of taking a frame.  The
   first write faults again and takes a private frame (install_page). */
static enum vm_fault_result
vm_map_zero_page(struct page *page)
{
  if (page->operations->type == VM_UNINIT)
    anon_initializer(page, false); /* What its first swap_in would do. */
  if (!pml4_set_page(page->as->pml4, page->va, zero_frame, false))
    return VM_FAULT_NOMEM;
  page->anon.zero_mapped = true;
  page->writable_now = false;
  return VM_FAULT_RESOLVED;
}

/* Give PAGE (not resident) a frame, map it and bring its contents in: the
   one place a page gets a frame.  The owner's lock is held (vm_get_frame
   may let go of it meanwhile).  Returns the frame's address, or NULL with
   *WHY. */
static void *
vm_do_claim_page(struct page *page, enum vm_fault_result *why)
{
  ASSERT(page->frame == NULL);
  void *cached;
  if (file_claim_cached(page, &cached, why)) /* Maps a page-cache frame. */
    return cached;
  struct frame *f = vm_get_frame(page);
  if (f == NULL) {
    *why = VM_FAULT_NOMEM;
    return NULL;
  }
  ASSERT(page->frame == NULL); /* Nobody but us loads our pages. */
  void *kva = frame_kva(f);
  frame_link(f, page);
  page->writable_now = page->writable;
  /* Reading from a disk, let go of the locks meanwhile (the frame is
     pinned): a process waiting for its disk must not keep the others from
     evicting its other pages. */
  bool io = fill_source(page) != FAULT_ZERO;
  struct held_spaces held = {NULL, NULL};
  if (io)
    held = let_go(page);
  bool filled = swap_in(page, kva);
  if (io)
    take_back(held);
  *why = filled ? VM_FAULT_NOMEM : VM_FAULT_IO;
  if (!filled || !install_page(page, f)) {
    struct tlb_batch tlb; /* Only the zero frame can be mapped there. */
    tlb_batch_init(&tlb, TLB_REMAP);
    pml4_clear_page(page->as->pml4, page->va, &tlb);
    tlb_batch_finish(&tlb);
    frame_unlink(f, page);
    frame_unpin(f);
    frame_free(f);
    return NULL;
  }
  /* The faulting access has not happened yet, and the process may wait a
     while for the CPU: pml4_set_page marked the page used so the clock
     does not take it back first (a process waiting on the disk would
     otherwise lose every page it brings in). */
  addrspace_note_claim(page->as, page->va);
  frame_unpin(f);
  trace_vm_claim(&page->as->spt, page->va, kva);
  *why = VM_FAULT_RESOLVED;
  return kva;
}

void *
vm_claim_page(void *va, enum vm_fault_result *why)
{
  struct addrspace *as = addrspace_current();
  ASSERT(lock_held_by_current_thread(&as->lock));
  struct page *page = spt_find_page(&as->spt, va);
  if (page == NULL) {
    *why = VM_FAULT_BAD;
    return NULL;
  }
  return vm_do_claim_page(page, why);
}

/* ---- The fault handler ------------------------------------------------- */

bool
vm_is_stack_growth(const void *addr, uintptr_t rsp)
{
  uintptr_t a = (uintptr_t)addr;
  return a < USER_STACK && a >= USER_STACK - USER_STACK_LIMIT && a + 8 >= rsp;
}

/* Record a zero-filled anonymous page at VA, below the stack. */
static bool
vm_stack_growth(void *va)
{
  return vm_alloc_page(VM_ANON, va, true);
}

/* Write to a copy-on-write page (pintos-abi.md 7.8).  The last sharer
   just gets write access back (*KIND becomes FAULT_COW_LAST); any other
   sharer moves to a private copy and the rest keep the frame.  If the
   shared frame was evicted while we waited for the copy's frame, nothing
   is done (*KIND becomes FAULT_PRESENT): the retried access faults again
   and brings the page in from swap.  The owner's lock is held. */
static enum vm_fault_result
vm_handle_wp(struct page *page, enum fault_kind *kind)
{
  if (frame_sharers(page->frame) == 1) {
    page->writable_now = true;
    pml4_set_writable(page->as->pml4, page->va, true, NULL);
    trace_vm_cow_last(&page->as->spt, page->va, frame_kva(page->frame));
    *kind = FAULT_COW_LAST;
    return VM_FAULT_RESOLVED;
  }
  struct frame *copy = vm_get_frame(page);
  if (copy == NULL)
    return VM_FAULT_NOMEM;
  struct frame *shared = page->frame;
  if (shared == NULL) {
    frame_unpin(copy);
    frame_free(copy);
    *kind = FAULT_PRESENT;
    return VM_FAULT_RESOLVED;
  }
  memcpy(frame_kva(copy), frame_kva(shared), PGSIZE);
  bool last = !frame_unlink(shared, page);
  frame_link(copy, page);
  if (last)
    frame_free(shared);
  page->writable_now = true;
  pml4_set_page(page->as->pml4, page->va, frame_kva(copy), true);
  pml4_set_dirty(page->as->pml4, page->va, true);
  addrspace_note_claim(page->as, page->va);
  frame_unpin(copy);
  trace_vm_cow_copy(&page->as->spt, page->va, frame_kva(copy));
  return VM_FAULT_RESOLVED;
}

static enum fault_kind
classify(const struct page_fault_info *info, const struct page *page,
         const struct vm_region *region)
{
  enum fault_kind kind;
  if (page == NULL) {
    if (region == NULL)
      return vm_is_stack_growth(info->addr, info->user_rsp) ? FAULT_STACK
                                                            : FAULT_BAD;
    if (info->write && !region->writable)
      return FAULT_BAD;
    kind = region->is_mmap ? FAULT_FILE : FAULT_ZERO;
  } else {
    if (info->write && !page->writable)
      return FAULT_BAD;
    if (page->frame != NULL)
      return info->write && !page->writable_now ? FAULT_COW : FAULT_PRESENT;
    kind = fill_source(page);
  }
  /* Zeros that are only read need no frame of their own. */
  return kind == FAULT_ZERO && !info->write ? FAULT_ZERO_PAGE : kind;
}

/* Count (and trace) a fault of KIND at VA that ended in R, once. */
static void
count_fault(struct addrspace *as, const void *va, enum fault_kind kind,
            enum vm_fault_result r)
{
  if (r == VM_FAULT_BAD)
    VM_COUNT(as, faults_bad);
  if (r != VM_FAULT_RESOLVED)
    return;
  switch (kind) {
  case FAULT_ZERO:
    VM_COUNT(as, faults_zero);
    trace_vm_zero(&as->spt, va);
    break;
  case FAULT_ZERO_PAGE:
    VM_COUNT(as, faults_zero_page);
    trace_vm_zero_page(&as->spt, va, zero_frame);
    break;
  case FAULT_FILE:
    VM_COUNT(as, faults_file);
    trace_vm_file_in(&as->spt, va);
    break;
  case FAULT_SWAP:
    VM_COUNT(as, faults_swap_in); /* Traced with its slot by anon.c. */
    break;
  case FAULT_STACK:
    VM_COUNT(as, faults_stack);
    trace_vm_stack(&as->spt, va);
    break;
  case FAULT_COW:
    VM_COUNT(as, faults_cow);
    break;
  default:
    break;
  }
}

/* Trace the fault INFO in AS with result R (the fault event itself). */
static void
trace_fault_done(struct addrspace *as, const struct page_fault_info *info,
                 enum vm_fault_result r)
{
  if (!TRACE_VM_ON)
    return;
  unsigned access = (info->write ? TRACE_ACCESS_WRITE : 0) |
                    (info->user ? TRACE_ACCESS_USER : 0) |
                    (info->not_present ? TRACE_ACCESS_NOT_PRESENT : 0);
  if (as == NULL || !is_user_vaddr(info->addr) ||
      (uintptr_t)info->addr < PGSIZE)
    access |= TRACE_ACCESS_OUTSIDE;
  trace_vm_fault(as != NULL ? &as->spt : NULL, info->addr, access, r);
}

/* Decide what a page fault on a user address means, and resolve it if it
   is legal.  Called with interrupts on, from user faults and from kernel
   faults inside the user-copy routines. */
enum vm_fault_result
vm_try_handle_fault(const struct page_fault_info *info)
{
  struct addrspace *as = addrspace_current();
  if (as == NULL || !is_user_vaddr(info->addr) ||
      (uintptr_t)info->addr < PGSIZE) {
    VM_COUNT(NULL, faults_bad); /* Not a user page at all: machine only. */
    trace_fault_done(as, info, VM_FAULT_BAD);
    return VM_FAULT_BAD;
  }
  void *va = pg_round_down(info->addr);
  lock_acquire(&as->lock);
  struct page *page = spt_find_page(&as->spt, va);
  struct vm_region *region = page == NULL ? region_find(as, va) : NULL;
  enum fault_kind kind = classify(info, page, region);
  enum vm_fault_result r = VM_FAULT_RESOLVED;
  switch (kind) {
  case FAULT_BAD:
    r = VM_FAULT_BAD;
    break;
  case FAULT_PRESENT:
    break;
  case FAULT_COW:
    r = vm_handle_wp(page, &kind);
    break;
  case FAULT_STACK:
    if (vm_stack_growth(va))
      vm_claim_page(va, &r);
    else
      r = VM_FAULT_NOMEM;
    break;
  case FAULT_ZERO_PAGE: /* A read of zeros (a region's page made first). */
    if (page == NULL && (page = region_add_page(as, region, va)) == NULL)
      r = VM_FAULT_NOMEM;
    else
      r = vm_map_zero_page(page);
    break;
  default: /* Not present: bring it in (a region's page is made first). */
    if (page == NULL && region_add_page(as, region, va) == NULL)
      r = VM_FAULT_NOMEM;
    else
      vm_claim_page(va, &r);
    break;
  }
  lock_release(&as->lock);
  count_fault(as, va, kind, r);
  trace_fault_done(as, info, r);
  dbg(VM, "fault at %p (%s%s): kind %d, result %d\n", info->addr,
      info->write ? "write" : "read", info->not_present ? "" : ", protection",
      kind, r);
  return r;
}

/* ---- Freeing ----------------------------------------------------------- */

/* The unmapping is recorded in the batch of the operation freeing the
   page (munmap, exit, exec: as->unmapping).  A frame this page was the
   last to use goes back to the pool, so first no CPU may still reach it
   through an old entry: tlb_batch_sync sends the batch's shootdown now
   if it has a target.  It never has one in Pagoda, where an address
   space has one thread and only the CPU running it has it loaded: the
   batch then only counts. */
void
vm_dealloc_page(struct page *page)
{
  ASSERT(page->magic == PAGE_MAGIC);
  struct tlb_batch *tlb = page->as->unmapping;
  ASSERT(tlb != NULL);
  if (on_zero_frame(page))
    pml4_clear_page(page->as->pml4, page->va, tlb);
  destroy(page);
  struct frame *f = page->frame;
  trace_vm_free(&page->as->spt, page->va, f != NULL ? frame_kva(f) : NULL);
  if (f != NULL) {
    pml4_clear_page(page->as->pml4, page->va, tlb);
    if (!frame_unlink(f, page)) {
      tlb_batch_sync(tlb);
      frame_free(f);
    }
  }
  page->magic = 0;
  free(page);
}

/* ---- Checking a user range --------------------------------------------- */

bool
vm_check_user_range(const void *uva, size_t n, bool write, uintptr_t rsp)
{
  uintptr_t start = (uintptr_t)uva, end = start + n;
  if (end < start || end > KERN_BASE || start < PGSIZE)
    return false;
  struct addrspace *as = addrspace_current();
  if (as == NULL)
    return false;
  bool ok = true;
  lock_acquire(&as->lock);
  /* Each step passes one page that exists, or a whole region, or the rest
     of the stack: the walk is bounded by what the process has. */
  for (uintptr_t a = start & ~PGMASK; ok && a < end;) {
    struct page *p = spt_find_page(&as->spt, (void *)a);
    struct vm_region *r = p == NULL ? region_find(as, (void *)a) : NULL;
    if (p != NULL) {
      ok = !write || p->writable;
      a += PGSIZE;
    } else if (r != NULL) {
      ok = !write || r->writable;
      a = (uintptr_t)r->start + r->page_cnt * PGSIZE;
    } else {
      ok = vm_is_stack_growth((void *)(a < start ? start : a), rsp);
      a = USER_STACK;
    }
  }
  lock_release(&as->lock);
  return ok;
}

/* ---- Fork -------------------------------------------------------------- */

/* Make DST_PAGE (new, uninit anon) share SRC's resident frame
   copy-on-write: both mappings become read-only, SRC's recorded in TLB.
   Both locks held. */
static bool
share_page(struct page *dst_page, struct page *src, struct tlb_batch *tlb)
{
  anon_initializer(dst_page, true);
  dst_page->writable_now = false;
  if (!pml4_set_page(dst_page->as->pml4, dst_page->va, frame_kva(src->frame),
                     false))
    return false;
  frame_link(src->frame, dst_page);
  trace_vm_cow_share(&dst_page->as->spt, dst_page->va, frame_kva(src->frame));
  src->writable_now = false;
  pml4_set_writable(src->as->pml4, src->va, false, tlb);
  return true;
}

/* Copy one page of SRC into DST (fork).  Both locks held; vm_get_frame
   may let go of them, so SRC's state is read again after a claim.
   Anonymous pages cost no copy: a resident one shares its frame
   copy-on-write, a swapped one its swap slot, an untouched one is zeros
   in both.  File pages are copied (they are never shared).  SRC's
   write-protects are recorded in TLB. */
static bool
copy_page(struct addrspace *dst, struct page *src, struct tlb_batch *tlb)
{
  enum vm_type type = src->operations->type;
  struct vm_region *r = page_region(src);
  struct vm_region *region = r != NULL ? r->copy : NULL;
  if (type == VM_UNINIT)
    return page_create(dst, src->uninit_type, src->va, src->writable,
                       src->uninit.init, r != NULL ? NULL : &src->uninit.recipe,
                       region) != NULL;
  struct page *p =
      page_create(dst, type, src->va, src->writable, NULL, NULL, region);
  if (p == NULL)
    return false;
  if (type == VM_ANON) {
    if (src->frame != NULL)
      return share_page(p, src, tlb);
    if (src->anon.slot != SWAP_NONE)
      anon_fork_swapped(p, src);
    if (on_zero_frame(src)) /* Same int 0x42 answer in both. */
      return vm_map_zero_page(p) == VM_FAULT_RESOLVED;
    return true;
  }
  /* A dirty mapped page is written back first, so the child's copy starts
     clean and equals the file (pintos-abi.md 7.4). */
  if (src->frame != NULL && src->in_mapping &&
      pml4_is_dirty(src->as->pml4, src->va) && !file_page_write_back(src))
    return false;
  /* Page cache: program text stays shared; a mapping page resident now
     moves to a private frame in both processes (each copy keeps its own
     bytes: tests/vm/mmap-fork*).  SRC is read again after the wait. */
  if (src->frame != NULL && src->frame->cache != NULL) {
    if (!src->in_mapping)
      return file_fork_cached(p, src);
    struct frame *own = vm_get_frame(p);
    if (own == NULL)
      return false;
    file_page_make_private(src, own);
  }
  if (!p->in_mapping) /* No INIT: filled below. */
    p->uninit.recipe = src->file.recipe;
  enum vm_fault_result why;
  void *kva = vm_do_claim_page(p, &why);
  if (kva == NULL)
    return false;
  if (src->frame == NULL) {
    struct load_recipe recipe = page_recipe(p);
    return recipe_load(&recipe, file_page_file(p), kva);
  }
  memcpy(kva, frame_kva(src->frame), PGSIZE);
  return true;
}

/* Fill DST (empty, of a new process) with a copy of SRC (the current
   process's): every page, loaded or not, resident or swapped, every
   region with its own file reference.  False on shortage; the caller then
   destroys DST.  The parent's pages made read-only are one batch: its
   shootdown is done before the child exists to read the shared frames
   (and before the parent's next write can fault and copy one). */
bool
supplemental_page_table_copy(struct supplemental_page_table *dst_spt,
                             struct supplemental_page_table *src_spt)
{
  struct addrspace *dst = addrspace_of(dst_spt), *src = addrspace_of(src_spt);
  lock_set_rank(&dst->lock, LOCK_RANK_ADDR_SPACE_NEW);
  lock_acquire(&src->lock);
  lock_acquire(&dst->lock);
  bool ok = regions_copy(dst, src);
  struct tlb_batch tlb;
  tlb_batch_init(&tlb, TLB_FORK);
  struct hash_iterator i;
  hash_first(&i, &src->spt.pages);
  while (ok && hash_next(&i))
    ok = copy_page(dst, hash_entry(hash_cur(&i), struct page, hash_elem), &tlb);
  tlb_batch_finish(&tlb);
  lock_set_rank(&dst->lock, LOCK_RANK_ADDR_SPACE);
  lock_release(&dst->lock);
  lock_release(&src->lock);
  return ok;
}

/* ---- Statistics -------------------------------------------------------- */

/* Log counters C under the label WHO ("vm" for the machine). */
void
vm_log_counters(const char *who, const struct vm_counters *c)
{
  klog_printf(
      "%s: faults zero=%llu zero_page=%llu file=%llu swap_in=%llu "
      "stack=%llu cow=%llu bad=%llu; evictions=%llu swap_reads=%llu "
      "swap_writes=%llu writebacks=%llu clean_written=%llu\n",
      who, (unsigned long long)c->faults_zero,
      (unsigned long long)c->faults_zero_page,
      (unsigned long long)c->faults_file, (unsigned long long)c->faults_swap_in,
      (unsigned long long)c->faults_stack, (unsigned long long)c->faults_cow,
      (unsigned long long)c->faults_bad, (unsigned long long)c->evictions,
      (unsigned long long)c->swap_reads, (unsigned long long)c->swap_writes,
      (unsigned long long)c->file_writebacks,
      (unsigned long long)c->clean_pages_written);
}

void
vm_print_stats(void)
{
  vm_log_counters("vm", &vm_stats);
  frame_print_stats();
  pagecache_print_stats();
  klog_printf("swap: %zu of %zu slots in use\n", swap_slots_used(),
              swap_slots_total());
}
