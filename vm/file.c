/* SPDX-License-Identifier: MIT */
/* File-backed pages and mmap.
 *
 * A file page knows how to rebuild itself from its file (its load recipe),
 * so eviction never needs swap: a clean page is dropped and re-read on the
 * next fault.  A program page keeps its recipe; a page of a mapping keeps
 * only its region, and its recipe is computed from the region and its
 * address when needed (page_recipe), which keeps struct page small.
 *
 * Only pages of a mapping (page->in_mapping) are ever written back, and
 * only when dirty (the PTE's dirty bit): at eviction, munmap, exit, exec,
 * and at fork (so that the child's copy starts clean, as pintos-abi.md 7.4
 * asks, and equals the file).  Write-back covers the mapped bytes only, so
 * it never extends the file.  Read-only program pages are file pages with
 * no region (the program file is never written).
 *
 * Page cache: a file page that is exactly one page of its file (every
 * mmap page with file bytes, program text and read-only data pages whose
 * zeros match the file) maps that page's frame in the file's page cache
 * (vm/pagecache.c) instead of a private one, so N processes running one
 * program hold its text once, and a mapping sees write() and write() sees
 * the mapping.  Its dirty bit is collected by the evictor, or written
 * back here when the mapping goes; the cache writes the page, clipped to
 * the file.  A page whose cached bytes do not match its recipe (zeros
 * where the file has bytes: the tail of a segment) keeps a private frame
 * filled through the cache, as before.
 *
 * A mapping is a lazy region (vm/region.c) with its own reference to the
 * file, so it outlives close() and remove() of the file it came from, and
 * mmap costs the same for one page as for 64 GiB. */

#include "vm/vm.h" /* First: the per-type headers need enum vm_type. */

#include <debug.h>
#include <string.h>

#include "devices/trace.h"
#include "filesys/file.h"
#include "filesys/inode.h"
#include "lib/kernel/console.h"
#include "mm/vaddr.h"
#include "vm/addrspace.h"
#include "vm/frame.h"
#include "vm/pagecache.h"
#include "vm/region.h"

static bool file_backed_swap_in(struct page *, void *kva);
static bool file_backed_swap_out(struct page *, bool dirty);
static void file_backed_destroy(struct page *);

static const struct page_operations file_ops = {
    .swap_in = file_backed_swap_in,
    .swap_out = file_backed_swap_out,
    .destroy = file_backed_destroy,
    .type = VM_FILE,
};

struct load_recipe
recipe_one(off_t ofs, size_t page_ofs, size_t len)
{
  struct load_recipe r = {0};
  r.file_ofs[0] = ofs;
  r.page_ofs[0] = page_ofs;
  r.len[0] = len;
  return r;
}

bool
recipe_merge(struct load_recipe *r, const struct load_recipe *r2)
{
  for (int i = 0; i < RECIPE_PIECES; i++) {
    if (r2->len[i] == 0)
      continue;
    int j = 0; /* R's first unused piece. */
    while (j < RECIPE_PIECES && r->len[j] > 0)
      j++;
    if (j == RECIPE_PIECES)
      return false;
    r->file_ofs[j] = r2->file_ofs[i];
    r->page_ofs[j] = r2->page_ofs[i];
    r->len[j] = r2->len[i];
  }
  return true;
}

bool
recipe_has_bytes(const struct load_recipe *r)
{
  for (int i = 0; i < RECIPE_PIECES; i++)
    if (r->len[i] > 0)
      return true;
  return false;
}

bool
recipe_load(const struct load_recipe *r, struct file *file, void *kva)
{
  uint8_t *p = kva;
  memset(p, 0, PGSIZE);
  for (int i = 0; i < RECIPE_PIECES; i++) {
    if (r->len[i] == 0)
      continue;
    off_t got =
        file_read_at(file, p + r->page_ofs[i], r->len[i], r->file_ofs[i]);
    if (got != r->len[i])
      return false;
  }
  return true;
}

struct vm_region *
page_region(const struct page *page)
{
  if (!page->in_mapping)
    return NULL;
  return page->operations->type == VM_UNINIT ? page->uninit.region
                                             : page->file.region;
}

struct load_recipe
page_recipe(const struct page *page)
{
  if (page->in_mapping)
    return region_recipe(page_region(page), page->va);
  return page->operations->type == VM_UNINIT ? page->uninit.recipe
                                             : page->file.recipe;
}

struct file *
file_page_file(const struct page *page)
{
  struct vm_region *region = page_region(page);
  return region != NULL ? region->file : page->as->exec_file;
}

/* Become a file page; uninit.c installs the recipe or region. */
bool
file_backed_initializer(struct page *page, void *kva)
{
  (void)kva;
  page->operations = &file_ops;
  memset(&page->file, 0, sizeof page->file);
  return true;
}

static bool
file_backed_swap_in(struct page *page, void *kva)
{
  struct load_recipe r = page_recipe(page);
  return recipe_load(&r, file_page_file(page), kva);
}

/* Write the mapped bytes of PAGE (resident) to its file: through the
   page cache if it maps a cache frame. */
static bool
write_back(struct page *page)
{
  struct load_recipe r = page_recipe(page);
  const uint8_t *p = frame_kva(page->frame);
  struct file *file = page->file.region->file;
  bool ok = true;
  VM_COUNT(page->as, file_writebacks);
  trace_vm_writeback(&page->as->spt, page->va);
  if (page->frame->cache != NULL)
    return pagecache_write_back(page->frame);
  for (int i = 0; i < RECIPE_PIECES; i++)
    if (r.len[i] > 0 && file_write_at(file, p + r.page_ofs[i], r.len[i],
                                      r.file_ofs[i]) != r.len[i])
      ok = false;
  return ok;
}

bool
file_page_write_back(struct page *page)
{
  ASSERT(page->frame != NULL && page->in_mapping);
  if (!write_back(page))
    return false;
  pml4_set_dirty(page->as->pml4, page->va, false);
  return true;
}

/* Evicted (unmapped): write back if the mapping was written, else drop.
   A failed write keeps the page (the evictor remaps it). */
static bool
file_backed_swap_out(struct page *page, bool dirty)
{
  if (!page->in_mapping || !(dirty || vm_write_clean))
    return true;
  if (!dirty)
    VM_COUNT(page->as, clean_pages_written);
  return write_back(page);
}

/* Freed (munmap, exit, exec): write back dirty mapped bytes.  A disk
   error loses them; say so in the log, there is no one left to tell. */
static void
file_backed_destroy(struct page *page)
{
  if (page->frame != NULL && page->in_mapping &&
      pml4_is_dirty(page->as->pml4, page->va) && !write_back(page)) {
    klog_printf("mmap: write-back of %p failed (disk error)\n", page->va);
    if (page->frame->cache != NULL)
      pagecache_revert(page->frame);
  }
}

/* ---- Pages that map the page cache ------------------------------------ */

/* The file page R reproduces, if it is one: every piece at its own offset
   in one page-aligned page of the file.  Sets *INDEX. */
static bool
recipe_file_page(const struct load_recipe *r, uint32_t *index)
{
  int64_t base = -1;
  for (int i = 0; i < RECIPE_PIECES; i++) {
    if (r->len[i] == 0)
      continue;
    int64_t b = (int64_t)r->file_ofs[i] - r->page_ofs[i];
    if (b < 0 || b % PGSIZE != 0 || (base >= 0 && b != base))
      return false;
    base = b;
  }
  if (base < 0)
    return false;
  *index = (uint32_t)(base / PGSIZE);
  return true;
}

/* True if the bytes of KVA (the file page) that R does not bring from the
   file are zero, as R would make them. */
static bool
recipe_gaps_zero(const struct load_recipe *r, const uint8_t *kva)
{
  if (r->page_ofs[0] == 0 && r->len[0] == PGSIZE)
    return true; /* A whole page: no gap (every mmap page but the last). */
  uint32_t pos = 0;
  while (pos < PGSIZE) {
    uint32_t next = PGSIZE;
    bool covered = false;
    for (int i = 0; i < RECIPE_PIECES && !covered; i++) {
      uint32_t s = r->page_ofs[i], e = s + r->len[i];
      if (r->len[i] > 0 && s <= pos && pos < e) {
        pos = e;
        covered = true;
      } else if (r->len[i] > 0 && s > pos && s < next)
        next = s;
    }
    if (covered)
      continue;
    for (; pos < next; pos++)
      if (kva[pos] != 0)
        return false;
  }
  return true;
}

/* True if PAGE is a file page or is becoming one (with bytes to load). */
static bool
is_file_page(const struct page *page)
{
  enum vm_type type = page->operations->type;
  return type == VM_FILE ||
         (type == VM_UNINIT && page->uninit_type == VM_FILE &&
          page->uninit.init != NULL);
}

/* Make PAGE (uninit) the file page it was to become. */
static void
become_file_page(struct page *page)
{
  if (page->operations->type != VM_UNINIT)
    return;
  struct uninit_page u = page->uninit;
  file_backed_initializer(page, NULL);
  page->file = page->in_mapping ? (struct file_page){.region = u.region}
                                : (struct file_page){.recipe = u.recipe};
}

/* Link PAGE to cache frame F (pinned) and map it.  PAGE's owner's lock
   held. */
static bool
map_cached(struct page *page, struct frame *f)
{
  frame_link(f, page);
  page->writable_now = page->writable;
  /* Not resident, so not mapped (vm/vm.c, invariant 1). */
  if (pml4_set_page(page->as->pml4, page->va, frame_kva(f), page->writable_now))
    return true;
  frame_unlink(f, page);
  return false;
}

bool
file_claim_cached(struct page *page, void **kva, enum vm_fault_result *why)
{
  struct load_recipe r;
  uint32_t index;
  struct addrspace *as = page->as;
  if (as != addrspace_current() || !is_file_page(page))
    return false;
  r = page_recipe(page);
  if (!recipe_file_page(&r, &index))
    return false;
  struct inode *inode = file_get_inode(file_page_file(page));
  /* A hit is mapped under the cache's lock (which keeps the frame in the
     cache); a miss lets go of the address-space lock while the cache
     reads (nobody else touches a page that is not resident: only the
     owner loads its pages) and keeps the frame pinned instead. */
  struct frame *f = pagecache_lock_hit(inode, index);
  bool hit = f != NULL;
  if (!hit) {
    lock_release(&as->lock);
    f = pagecache_get_pinned(inode, index, why);
    lock_acquire(&as->lock);
  }
  *kva = NULL;
  if (f == NULL)
    return true;
  bool fits = recipe_gaps_zero(&r, frame_kva(f)), mapped = false;
  if (fits) {
    become_file_page(page);
    mapped = map_cached(page, f);
  }
  if (mapped) /* Mapped accessed: see vm_do_claim_page. */
    addrspace_note_claim(as, page->va);
  if (hit)
    pagecache_unlock(f);
  else
    frame_unpin(f);
  if (!fits)
    return false;
  if (!mapped) {
    *why = VM_FAULT_NOMEM;
    return true;
  }
  trace_vm_claim(&as->spt, page->va, frame_kva(f));
  *why = VM_FAULT_RESOLVED;
  *kva = frame_kva(f);
  return true;
}

bool
file_fork_cached(struct page *dst, struct page *src)
{
  become_file_page(dst);
  if (!dst->in_mapping)
    dst->file.recipe = src->file.recipe;
  return map_cached(dst, src->frame);
}

void
file_page_make_private(struct page *src, struct frame *own)
{
  struct frame *cached = src->frame;
  if (cached == NULL || cached->cache == NULL) {
    frame_unpin(own);
    frame_free(own);
    return;
  }
  memcpy(frame_kva(own), frame_kva(cached), PGSIZE);
  bool dirty = pml4_is_dirty(src->as->pml4, src->va);
  frame_unlink(cached, src);
  frame_link(own, src);
  pml4_set_page(src->as->pml4, src->va, frame_kva(own), src->writable_now);
  if (dirty)
    pml4_set_dirty(src->as->pml4, src->va, true);
  frame_unpin(own);
}

/* Map LENGTH bytes of FILE from OFFSET at ADDR.  Returns ADDR, or NULL for
   any unacceptable argument (pintos-abi.md 7.3) or shortage.  One region
   record whatever LENGTH is; the check for pages already there costs at
   most the number of pages the process has. */
void *
do_mmap(void *addr, size_t length, int writable, struct file *file,
        off_t offset)
{
  struct addrspace *as = addrspace_current();
  uintptr_t start = (uintptr_t)addr;
  if (as == NULL || addr == NULL || pg_ofs(addr) != 0 || length == 0 ||
      offset < 0 || offset % PGSIZE != 0 || start >= KERN_BASE ||
      length > KERN_BASE - start || file_length(file) <= 0)
    return NULL;
  size_t cnt = length / PGSIZE + (length % PGSIZE != 0);
  uintptr_t end = start + cnt * PGSIZE;
  if (start < USER_STACK && end > USER_STACK - USER_STACK_LIMIT)
    return NULL;
  lock_acquire(&as->lock);
  void *result = NULL;
  struct file *own = NULL;
  if (!region_overlaps(as, addr, cnt) &&
      !region_range_has_pages(as, addr, cnt) &&
      (own = file_reopen(file)) != NULL) {
    if (region_create(as, addr, cnt, writable != 0, own, offset) != NULL) {
      result = addr;
      trace_vm_mmap(&as->spt, addr, length);
    } else
      file_close(own);
  }
  lock_release(&as->lock);
  return result;
}

/* Unmap the mapping that starts at ADDR; anything else is ignored. */
void
do_munmap(void *addr)
{
  struct addrspace *as = addrspace_current();
  if (as == NULL)
    return;
  lock_acquire(&as->lock);
  struct vm_region *r = region_find(as, addr);
  if (r != NULL && r->is_mmap && r->start == addr) {
    trace_vm_munmap(&as->spt, addr);
    struct tlb_batch tlb;
    tlb_batch_init(&tlb, TLB_MUNMAP);
    as->unmapping = &tlb;
    region_destroy(as, r);
    as->unmapping = NULL;
    tlb_batch_finish(&tlb);
  }
  lock_release(&as->lock);
}
