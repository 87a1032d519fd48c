/* SPDX-License-Identifier: MIT */
/* The generic VM layer: creating pages, resolving faults, evicting.
 *
 * See vm/vm.h for the page life cycle and the lock order.  Invariants
 * that hold whenever an SPT's lock is free:
 *   1. page->frame != NULL  iff  the page is mapped in spt->pml4, and then
 *      the page is on frame's chain of sharers (frame->page, next_sharer);
 *      it is mapped writable iff page->writable_now;
 *   2. an uninit page has no frame;
 *   3. a frame with page == NULL is in the user pool, or belongs to the
 *      thread that got it from vm_get_frame and has not linked it yet
 *      (the clock skips it either way);
 *   4. a frame with share_cnt > 1 holds anonymous pages only, all mapped
 *      read-only (copy-on-write).  */

#include "vm/vm.h"

#include <debug.h>
#include <string.h>

#include "devices/timer.h"
#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/vaddr.h"
#include "threads/thread.h"
#include "vm/frame.h"
#include "vm/inspect.h"
#include "vm/swap.h"

struct vm_counters vm_stats;

void
vm_init(void)
{
  frame_table_init();
  swap_init();
  inspect_init();
}

struct supplemental_page_table *
vm_current_spt(void)
{
  return thread_current()->spt;
}

static vm_type_initializer *
type_initializer(enum vm_type type)
{
  switch (VM_TYPE(type)) {
  case VM_ANON:
    return anon_initializer;
  case VM_FILE:
    return file_backed_initializer;
  default:
    return NULL;
  }
}

/* As vm_alloc_page_with_initializer, into SPT, whose lock is held. */
bool
vm_alloc_page_locked(struct supplemental_page_table *spt, enum vm_type type,
                     void *va, bool writable, vm_initializer *init, void *aux)
{
  vm_type_initializer *ti = type_initializer(type);
  ASSERT(ti != NULL && pg_ofs(va) == 0);
  if (!is_user_vaddr(va) || spt_find_page(spt, va) != NULL)
    return false;
  struct page *page = malloc(sizeof *page);
  if (page == NULL)
    return false;
  uninit_new(page, va, init, type, aux, ti);
  page->writable = page->writable_now = writable;
  page->dirty = false;
  if (!spt_insert_page(spt, page)) {
    free(page);
    return false;
  }
  return true;
}

/* Record a lazy page in the current process's SPT (see vm/vm.h).  AUX must
   be NULL or a malloc'd struct file_page, which the page then owns. */
bool
vm_alloc_page_with_initializer(enum vm_type type, void *va, bool writable,
                               vm_initializer *init, void *aux)
{
  struct supplemental_page_table *spt = vm_current_spt();
  lock_acquire(&spt->lock);
  bool ok = vm_alloc_page_locked(spt, type, va, writable, init, aux);
  lock_release(&spt->lock);
  return ok;
}

/* Content initializer for pages built from a file: AUX is the struct
   file_page that says how.  A file page keeps the recipe for later
   re-reads; an anon page just takes the bytes. */
bool
vm_load_from_aux(struct page *page, void *aux)
{
  struct file_page *fp = aux;
  bool ok = recipe_load(&fp->recipe, page->frame->kva);
  bool has_bytes = false;
  for (int i = 0; i < fp->recipe.cnt; i++)
    has_bytes |= fp->recipe.len[i] > 0;
  if (VM_TYPE(page->operations->type) == VM_FILE)
    page->file = *fp;
  else
    page->anon.has_data = has_bytes;
  if (has_bytes)
    VM_COUNT(page->spt, faults_file);
  else
    VM_COUNT(page->spt, faults_zero);
  free(fp);
  return ok;
}

/* Put F back into every sharer's page table after a failed eviction. */
static void
remap_sharers(struct frame *f)
{
  for (struct page *p = f->page; p != NULL; p = p->next_sharer) {
    mmu_map(p->spt->pml4, p->va, f->kva, p->writable_now);
    if (p->dirty)
      mmu_set_dirty(p->spt->pml4, p->va, true);
  }
}

/* Why vm_evict_frame found no frame. */
enum evict_failure {
  EVICT_BUSY,    /* Every candidate pinned or its owner busy: wait. */
  EVICT_NO_ROOM, /* The victim could not be saved (swap full or absent). */
};

/* Take a frame from its page(s), by the clock.  NULL (and *WHY) if no
   frame can be freed right now or the victim's contents cannot be
   saved. */
static struct frame *
vm_evict_frame(enum evict_failure *why)
{
  struct victim v;
  lock_acquire(&frame_lock);
  bool found = frame_choose_victim(&v);
  lock_release(&frame_lock);
  *why = EVICT_BUSY;
  if (!found)
    return NULL;

  struct frame *f = v.frame;
  /* Unmap first, so no sharer can change the bytes being saved. */
  for (struct page *p = f->page; p != NULL; p = p->next_sharer) {
    p->dirty = mmu_is_dirty(p->spt->pml4, p->va);
    mmu_unmap(p->spt->pml4, p->va);
  }
  bool saved = true;
  for (struct page *p = f->page; p != NULL && saved; p = p->next_sharer)
    saved = p->operations->swap_out(p);
  if (!saved)
    remap_sharers(f);

  lock_acquire(&frame_lock);
  f->pin_cnt--;
  while (saved && f->page != NULL) {
    VM_COUNT(f->page->spt, evictions);
    frame_unlink(f, f->page);
  }
  lock_release(&frame_lock);
  for (int i = 0; i < v.locked_cnt; i++)
    lock_release(v.locked[i]);
  if (!saved)
    *why = EVICT_NO_ROOM;
  return saved ? f : NULL;
}

#define VM_NO_ROOM_TRIES 64 /* Unsavable victims before out of memory. */
#define VM_BUSY_TICKS 1000  /* Ticks to wait for busy owners (10 s). */

/* A frame for a new resident page: from the user pool if it has one, else
   by eviction.  NULL only when nothing can be evicted (out of memory). */
static struct frame *
vm_get_frame(void)
{
  int busy = 0, no_room = 0;
  for (;;) {
    struct frame *f = frame_alloc();
    enum evict_failure why;
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

/* Map the free frame F for PAGE and bring its contents in.  The owner's
   SPT lock is held.  On failure F is freed. */
static enum vm_fault_result
claim_with_frame(struct page *page, struct frame *f)
{
  struct supplemental_page_table *spt = page->spt;
  ASSERT(lock_held_by_current_thread(&spt->lock));
  ASSERT(page->frame == NULL);
  lock_acquire(&frame_lock);
  frame_link(f, page);
  f->pin_cnt++;
  lock_release(&frame_lock);

  page->writable_now = page->writable;
  bool ok = mmu_map(spt->pml4, page->va, f->kva, page->writable_now) &&
            page->operations->swap_in(page, f->kva);
  /* The faulting access has not happened yet, and the process may wait a
     while for the CPU: mark the page used so the clock does not take it
     back first (a process waiting on the disk would otherwise lose every
     page it brings in). */
  if (ok)
    mmu_set_accessed(spt->pml4, page->va, true);
  lock_acquire(&frame_lock);
  f->pin_cnt--;
  if (!ok)
    frame_unlink(f, page);
  lock_release(&frame_lock);
  if (!ok) {
    mmu_unmap(spt->pml4, page->va);
    frame_free(f);
    return VM_FAULT_NOMEM;
  }
  return VM_FAULT_RESOLVED;
}

/* Give PAGE a frame, map it and bring its contents in.  The owner's SPT
   lock is held, so a shortage is waited out with it held: only for the
   paths that must (fork copy, the first stack page, COW under fork). */
static enum vm_fault_result
vm_do_claim_page(struct page *page)
{
  struct frame *f = vm_get_frame();
  if (f == NULL)
    return VM_FAULT_NOMEM;
  return claim_with_frame(page, f);
}

/* Claim the current process's page at VA now (the first stack page). */
bool
vm_claim_page(void *va)
{
  struct supplemental_page_table *spt = vm_current_spt();
  lock_acquire(&spt->lock);
  struct page *page = spt_find_page(spt, va);
  bool ok = page != NULL && page->frame == NULL &&
            vm_do_claim_page(page) == VM_FAULT_RESOLVED;
  lock_release(&spt->lock);
  return ok;
}

bool
vm_is_stack_growth(const void *addr, uintptr_t rsp)
{
  uintptr_t a = (uintptr_t)addr;
  return a < USER_STACK && a >= USER_STACK - USER_STACK_LIMIT && a + 8 >= rsp;
}

/* Write to a copy-on-write page (pintos-abi.md 7.8).  The last sharer
   just gets write access back; any other sharer moves to a private copy
   and the rest keep the frame.  The owner's SPT lock is held. */
static enum vm_fault_result
vm_handle_wp(struct page *page, struct frame *copy)
{
  struct supplemental_page_table *spt = page->spt;
  lock_acquire(&frame_lock);
  unsigned sharers = page->frame->share_cnt;
  lock_release(&frame_lock);
  if (sharers == 1) {
    frame_free(copy);
    page->writable_now = true;
    mmu_set_writable(spt->pml4, page->va, true);
    return VM_FAULT_RESOLVED;
  }
  VM_COUNT(spt, faults_cow);
  struct frame *shared = page->frame;
  memcpy(copy->kva, shared->kva, PGSIZE);
  lock_acquire(&frame_lock);
  bool last = frame_unlink(shared, page) == 0;
  frame_link(copy, page);
  lock_release(&frame_lock);
  if (last)
    frame_free(shared);
  page->writable_now = true;
  mmu_map(spt->pml4, page->va, copy->kva, true);
  mmu_set_dirty(spt->pml4, page->va, true);
  return VM_FAULT_RESOLVED;
}

/* Resolve a fault on a page the SPT does not have: stack growth or bad. */
static enum vm_fault_result
fault_unknown_page(struct supplemental_page_table *spt,
                   const struct page_fault_info *info, struct frame *f)
{
  void *va = pg_round_down(info->addr);
  if (!vm_alloc_page_locked(spt, VM_ANON | VM_MARKER_STACK, va, true, NULL,
                            NULL)) {
    frame_free(f);
    return VM_FAULT_NOMEM;
  }
  VM_COUNT(spt, faults_stack);
  return claim_with_frame(spt_find_page(spt, va), f);
}

/* What a fault needs, judged under the SPT lock. */
enum fault_need { NEED_NOTHING, NEED_FRAME, NEED_BAD };

static enum fault_need
classify(struct supplemental_page_table *spt,
         const struct page_fault_info *info)
{
  struct page *page = spt_find_page(spt, info->addr);
  if (page == NULL)
    return vm_is_stack_growth(info->addr, info->user_rsp) ? NEED_FRAME
                                                          : NEED_BAD;
  if (info->write && !page->writable)
    return NEED_BAD;
  if (page->frame == NULL || (info->write && !page->writable_now))
    return NEED_FRAME;
  return NEED_NOTHING; /* Already resolved: retry the access. */
}

/* With frame F in hand, resolve the fault (F is used or freed). */
static enum vm_fault_result
resolve_with_frame(struct supplemental_page_table *spt,
                   const struct page_fault_info *info, struct frame *f)
{
  struct page *page = spt_find_page(spt, info->addr);
  if (page == NULL)
    return fault_unknown_page(spt, info, f);
  if (page->frame == NULL)
    return claim_with_frame(page, f);
  if (info->write && !page->writable_now)
    return vm_handle_wp(page, f);
  frame_free(f);
  return VM_FAULT_RESOLVED;
}

/* Decide what a page fault on a user address means, and resolve it if it
   is legal: load a known page, grow the stack.  Called with interrupts on,
   from user faults and from kernel faults inside the user-copy routines. */
enum vm_fault_result
vm_try_handle_fault(const struct page_fault_info *info)
{
  struct supplemental_page_table *spt = vm_current_spt();
  if (spt == NULL || !is_user_vaddr(info->addr) ||
      (uintptr_t)info->addr < PGSIZE) {
    vm_stats.faults_bad++;
    return VM_FAULT_BAD;
  }
  lock_acquire(&spt->lock);
  enum fault_need need = classify(spt, info);
  if (need == NEED_BAD)
    VM_COUNT(spt, faults_bad);
  lock_release(&spt->lock);
  if (need != NEED_FRAME)
    return need == NEED_BAD ? VM_FAULT_BAD : VM_FAULT_RESOLVED;

  /* Find the frame before taking our SPT lock again: if memory is short
     we may have to wait, and others must be able to evict our pages
     meanwhile.  Only this thread changes its SPT, so the decision holds;
     an evictor may have taken the page's frame, which resolve handles. */
  struct frame *f = vm_get_frame();
  if (f == NULL)
    return VM_FAULT_NOMEM;
  lock_acquire(&spt->lock);
  enum vm_fault_result r = resolve_with_frame(spt, info, f);
  lock_release(&spt->lock);
  return r;
}

/* Free PAGE: its type's resources, its frame and mapping, the struct.
   The owner's SPT lock is held. */
void
vm_dealloc_page(struct page *page)
{
  ASSERT(page->magic == PAGE_MAGIC);
  struct supplemental_page_table *spt = page->spt;
  page->operations->destroy(page);
  struct frame *f = page->frame;
  if (f != NULL) {
    mmu_unmap(spt->pml4, page->va);
    lock_acquire(&frame_lock);
    bool last = frame_unlink(f, page) == 0;
    lock_release(&frame_lock);
    if (last)
      frame_free(f);
  }
  page->magic = 0;
  free(page);
}

/* Is every byte of [UVA, UVA + N) known or legal stack growth, and
   writable when WRITE?  N > 0.  Loads nothing. */
bool
vm_check_user_range(const void *uva, size_t n, bool write, uintptr_t rsp)
{
  uintptr_t start = (uintptr_t)uva, end = start + n;
  if (end < start || end > KERN_BASE || start < PGSIZE)
    return false;
  struct supplemental_page_table *spt = vm_current_spt();
  if (spt == NULL)
    return false;
  bool ok = true;
  lock_acquire(&spt->lock);
  for (uintptr_t a = start; ok && a < end;
       a = (uintptr_t)pg_round_down((void *)a) + PGSIZE) {
    struct page *p = spt_find_page(spt, (void *)a);
    if (p != NULL)
      ok = !write || p->writable;
    else
      ok = vm_is_stack_growth((void *)a, rsp);
  }
  lock_release(&spt->lock);
  return ok;
}

/* The file a copied page of DST reads from: its mapping's own reference,
   or DST's program file. */
static struct file *
vm_copy_file_ref(struct supplemental_page_table *dst,
                 struct mmap_region *region)
{
  return region != NULL ? region->file : dst->exec_file;
}

/* Make DST_PAGE (new, uninit anon) share SRC's resident frame
   copy-on-write: both mappings become read-only.  Both SPT locks held. */
static bool
share_page(struct page *dst_page, struct page *src)
{
  struct supplemental_page_table *dst = dst_page->spt;
  anon_share_init(dst_page);
  dst_page->writable_now = false;
  if (!mmu_map(dst->pml4, dst_page->va, src->frame->kva, false))
    return false;
  lock_acquire(&frame_lock);
  frame_link(src->frame, dst_page);
  lock_release(&frame_lock);
  src->writable_now = false;
  mmu_set_writable(src->spt->pml4, src->va, false);
  return true;
}

/* Copy one page of SRC into DST (fork).  Both SPT locks held. */
static bool
copy_page(struct supplemental_page_table *dst, struct page *src)
{
  enum vm_type type = VM_TYPE(src->operations->type);
  if (type == VM_UNINIT) {
    struct file_page *aux = NULL;
    if (src->uninit.aux != NULL) {
      aux = malloc(sizeof *aux);
      if (aux == NULL)
        return false;
      *aux = *(struct file_page *)src->uninit.aux;
      aux->region = mmap_region_map(dst, aux->region);
      aux->recipe.file = vm_copy_file_ref(dst, aux->region);
    }
    if (!vm_alloc_page_locked(dst, src->uninit.type, src->va, src->writable,
                              src->uninit.init, aux)) {
      free(aux);
      return false;
    }
    return true;
  }
  if (!vm_alloc_page_locked(dst, type, src->va, src->writable, NULL, NULL))
    return false;
  struct page *p = spt_find_page(dst, src->va);
  if (type == VM_ANON && src->frame != NULL)
    return share_page(p, src);
  if (vm_do_claim_page(p) != VM_FAULT_RESOLVED)
    return false;
  if (type == VM_FILE) {
    p->file = src->file;
    p->file.region = mmap_region_map(dst, src->file.region);
    p->file.recipe.file = vm_copy_file_ref(dst, p->file.region);
    if (src->frame != NULL)
      memcpy(p->frame->kva, src->frame->kva, PGSIZE);
    else if (!recipe_load(&p->file.recipe, p->frame->kva))
      return false;
    if (src->frame != NULL && mmu_is_dirty(src->spt->pml4, src->va))
      mmu_set_dirty(dst->pml4, p->va, true);
    return true;
  }
  p->anon.has_data = true;
  return anon_copy_contents(src, p->frame->kva);
}

/* Fill DST (empty, of a new process) with a copy of SRC (the current
   process's): every page, loaded or not, resident or swapped, and the
   mappings with their own file references.  False on shortage; the caller
   then kills DST. */
bool
supplemental_page_table_copy(struct supplemental_page_table *dst,
                             struct supplemental_page_table *src)
{
  lock_acquire(&src->lock);
  lock_acquire(&dst->lock);
  bool ok = mmap_copy_regions(dst, src);
  struct hash_iterator i;
  hash_first(&i, &src->pages);
  while (ok && hash_next(&i))
    ok = copy_page(dst, hash_entry(hash_cur(&i), struct page, hash_elem));
  lock_release(&dst->lock);
  lock_release(&src->lock);
  return ok;
}

/* Log counters C under the label WHO ("vm" for the machine). */
void
vm_log_counters(const char *who, const struct vm_counters *c)
{
  klog_printf(
      "%s: faults zero=%llu file=%llu swap_in=%llu stack=%llu "
      "cow=%llu bad=%llu; evictions=%llu swap_reads=%llu "
      "swap_writes=%llu writebacks=%llu clean_written=%llu\n",
      who, (unsigned long long)c->faults_zero,
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
  klog_printf("swap: %zu of %zu slots in use\n", swap_slots_used(),
              swap_slots_total());
}
