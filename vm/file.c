/* SPDX-License-Identifier: MIT */
/* File-backed pages and mmap.
 *
 * A file page knows how to rebuild itself from its file (its load recipe),
 * so eviction never needs swap: a clean page is dropped and re-read on the
 * next fault.  Only pages of a mapping (region != NULL) are ever written
 * back, and only when dirty (the PTE's dirty bit): at eviction, munmap,
 * exit and exec.  Write-back covers the mapped bytes only, so it never
 * extends the file.  Read-only program pages are file pages with no region
 * (the program file is never written).
 *
 * Each mmap() makes a region with its own reference to the file, so a
 * mapping outlives close() and remove() of the file it came from. */

#include "vm/file.h"

#include <debug.h>
#include <string.h>

#include "devices/trace.h"
#include "filesys/file.h"
#include "mm/malloc.h"
#include "mm/vaddr.h"
#include "threads/thread.h"
#include "vm/frame.h"
#include "vm/vm.h"

static bool file_backed_swap_in(struct page *, void *kva);
static bool file_backed_swap_out(struct page *);
static void file_backed_destroy(struct page *);

static const struct page_operations file_ops = {
    .swap_in = file_backed_swap_in,
    .swap_out = file_backed_swap_out,
    .destroy = file_backed_destroy,
    .type = VM_FILE,
};

/* Fill KVA from R: its pieces of file bytes, zeros around them. */
bool
recipe_load(const struct load_recipe *r, void *kva)
{
  uint8_t *p = kva;
  memset(p, 0, PGSIZE);
  for (int i = 0; i < r->cnt; i++) {
    if (r->len[i] == 0)
      continue;
    off_t got =
        file_read_at(r->file, p + r->page_ofs[i], r->len[i], r->file_ofs[i]);
    if (got != r->len[i])
      return false;
  }
  return true;
}

/* Become a file page.  The content initializer (vm_load_from_aux) installs
   the recipe and loads the bytes. */
bool
file_backed_initializer(struct page *page, enum vm_type type, void *kva)
{
  (void)type;
  (void)kva;
  page->operations = &file_ops;
  memset(&page->file, 0, sizeof page->file);
  return true;
}

static bool
file_backed_swap_in(struct page *page, void *kva)
{
  VM_COUNT(page->spt, faults_file);
  trace_vm_file_in(page->spt, page->va);
  return recipe_load(&page->file.recipe, kva);
}

/* Write the mapped bytes of PAGE back to its file. */
static bool
write_back(struct page *page)
{
  const struct load_recipe *r = &page->file.recipe;
  const uint8_t *p = page->frame->kva;
  for (int i = 0; i < r->cnt; i++)
    if (r->len[i] > 0)
      file_write_at(r->file, p + r->page_ofs[i], r->len[i], r->file_ofs[i]);
  VM_COUNT(page->spt, file_writebacks);
  trace_vm_writeback(page->spt, page->va);
  return true;
}

/* Evicted: write back if the mapping was written, else just drop. */
static bool
file_backed_swap_out(struct page *page)
{
  if (page->file.region != NULL && page->dirty)
    return write_back(page);
  return true;
}

/* Freed while resident (munmap, exit): write back dirty mapped bytes. */
static void
file_backed_destroy(struct page *page)
{
  if (page->frame != NULL && page->file.region != NULL &&
      mmu_is_dirty(page->spt->pml4, page->va))
    write_back(page);
}

static struct mmap_region *
region_find(struct supplemental_page_table *spt, void *addr)
{
  for (struct list_elem *e = list_begin(&spt->mmaps);
       e != list_end(&spt->mmaps); e = list_next(e)) {
    struct mmap_region *r = list_entry(e, struct mmap_region, elem);
    if (r->addr == addr)
      return r;
  }
  return NULL;
}

/* True if every page of [ADDR, ADDR + CNT pages) is free for a mapping:
   user, not in the stack reservation, not known to SPT. */
static bool
range_is_free(struct supplemental_page_table *spt, uint8_t *addr, size_t cnt)
{
  uintptr_t start = (uintptr_t)addr;
  if (cnt > (KERN_BASE - start) / PGSIZE)
    return false;
  uintptr_t end = start + cnt * PGSIZE;
  if (start < USER_STACK && end > USER_STACK - USER_STACK_LIMIT)
    return false;
  for (size_t i = 0; i < cnt; i++)
    if (spt_find_page(spt, addr + i * PGSIZE) != NULL)
      return false;
  return true;
}

/* Record the lazy pages of region R. */
static bool
region_add_pages(struct supplemental_page_table *spt, struct mmap_region *r,
                 bool writable, off_t offset, off_t flen)
{
  for (size_t i = 0; i < r->page_cnt; i++) {
    struct file_page *aux = calloc(1, sizeof *aux);
    if (aux == NULL)
      return false;
    int64_t ofs = (int64_t)offset + (int64_t)i * PGSIZE;
    int64_t left = flen - ofs;
    aux->region = r;
    aux->recipe.file = r->file;
    aux->recipe.cnt = 1;
    aux->recipe.file_ofs[0] = left > 0 ? ofs : 0;
    aux->recipe.len[0] = left <= 0                ? 0
                         : left < (int64_t)PGSIZE ? left
                                                  : (int64_t)PGSIZE;
    if (!vm_alloc_page_locked(spt, VM_FILE, (uint8_t *)r->addr + i * PGSIZE,
                              writable, vm_load_from_aux, aux)) {
      free(aux);
      r->page_cnt = i; /* Only these exist: region_destroy frees them. */
      return false;
    }
  }
  return true;
}

/* Remove R's pages (writing back dirty ones), its file reference and R. */
static void
region_destroy(struct supplemental_page_table *spt, struct mmap_region *r)
{
  for (size_t i = 0; i < r->page_cnt; i++) {
    struct page *p = spt_find_page(spt, (uint8_t *)r->addr + i * PGSIZE);
    if (p != NULL)
      spt_remove_page(spt, p);
  }
  list_remove(&r->elem);
  file_close(r->file);
  free(r);
}

/* Map LENGTH bytes of FILE from OFFSET at ADDR.  Returns ADDR, or NULL for
   any unacceptable argument (pintos-abi.md 7.3) or shortage. */
void *
do_mmap(void *addr, size_t length, int writable, struct file *file,
        off_t offset)
{
  struct supplemental_page_table *spt = vm_current_spt();
  if (spt == NULL || addr == NULL || pg_ofs(addr) != 0 || length == 0 ||
      offset < 0 || offset % PGSIZE != 0 || !is_user_vaddr(addr))
    return NULL;
  off_t flen = file_length(file);
  size_t cnt = length / PGSIZE + (length % PGSIZE != 0);
  if (flen <= 0)
    return NULL;
  struct mmap_region *r = malloc(sizeof *r);
  if (r == NULL)
    return NULL;
  lock_acquire(&spt->lock);
  if (!range_is_free(spt, addr, cnt) || (r->file = file_reopen(file)) == NULL) {
    lock_release(&spt->lock);
    free(r);
    return NULL;
  }
  r->addr = addr;
  r->page_cnt = cnt;
  list_push_back(&spt->mmaps, &r->elem);
  bool ok = region_add_pages(spt, r, writable != 0, offset, flen);
  if (!ok)
    region_destroy(spt, r);
  else
    trace_vm_mmap(spt, addr, length);
  lock_release(&spt->lock);
  return ok ? addr : NULL;
}

/* Unmap the mapping that starts at ADDR; anything else is ignored. */
void
do_munmap(void *addr)
{
  struct supplemental_page_table *spt = vm_current_spt();
  if (spt == NULL)
    return;
  lock_acquire(&spt->lock);
  struct mmap_region *r = region_find(spt, addr);
  if (r != NULL) {
    trace_vm_munmap(spt, addr);
    region_destroy(spt, r);
  }
  lock_release(&spt->lock);
}

/* Unmap everything in SPT (exit, exec), writing dirty pages back. */
void
mmap_remove_all(struct supplemental_page_table *spt)
{
  lock_acquire(&spt->lock);
  while (!list_empty(&spt->mmaps))
    region_destroy(
        spt, list_entry(list_front(&spt->mmaps), struct mmap_region, elem));
  lock_release(&spt->lock);
}

/* Give DST a copy of each region of SRC, each with its own file
   reference.  The pages follow in supplemental_page_table_copy, which
   calls mmap_region_map to find a page's new region.  Both locks held. */
bool
mmap_copy_regions(struct supplemental_page_table *dst,
                  struct supplemental_page_table *src)
{
  for (struct list_elem *e = list_begin(&src->mmaps);
       e != list_end(&src->mmaps); e = list_next(e)) {
    struct mmap_region *s = list_entry(e, struct mmap_region, elem);
    struct mmap_region *d = malloc(sizeof *d);
    if (d == NULL)
      return false;
    d->file = file_reopen(s->file);
    if (d->file == NULL) {
      free(d);
      return false;
    }
    d->addr = s->addr;
    d->page_cnt = s->page_cnt;
    list_push_back(&dst->mmaps, &d->elem);
  }
  return true;
}

/* DST's region that corresponds to SRC's region R (same address). */
struct mmap_region *
mmap_region_map(struct supplemental_page_table *dst, struct mmap_region *r)
{
  return r != NULL ? region_find(dst, r->addr) : NULL;
}
