/* SPDX-License-Identifier: MIT */
/* Lazy regions (see vm/region.h): mappings and BSS runs recorded by their
 * bounds.  A fault in a region makes the page (region_add_page), so the
 * cost of mmap and exec does not grow with the length asked for, and
 * every walk over a region's pages is bounded by the pages that exist.
 *
 * Regions are kept in a list: a process has a handful (one per mmap call
 * and per BSS run), and a fault looks them up only for a page the SPT
 * does not have yet. */

#include "vm/region.h"

#include <debug.h>

#include "devices/trace.h"
#include "filesys/file.h"
#include "mm/malloc.h"
#include "mm/vaddr.h"
#include "vm/addrspace.h"

struct vm_region *
region_create(struct addrspace *as, void *start, size_t cnt, bool writable,
              struct file *file, off_t offset)
{
  struct vm_region *r = malloc(sizeof *r);
  if (r == NULL)
    return NULL;
  *r = (struct vm_region){
      .start = start,
      .page_cnt = cnt,
      .writable = writable,
      .is_mmap = file != NULL,
      .file = file,
      .offset = offset,
      .file_len = file != NULL ? file_length(file) : 0,
  };
  list_push_back(&as->regions, &r->elem);
  return r;
}

static bool
region_contains(const struct vm_region *r, const void *va)
{
  uintptr_t a = (uintptr_t)va, s = (uintptr_t)r->start;
  return a >= s && (a - s) / PGSIZE < r->page_cnt;
}

struct vm_region *
region_find(struct addrspace *as, const void *va)
{
  for (struct list_elem *e = list_begin(&as->regions);
       e != list_end(&as->regions); e = list_next(e)) {
    struct vm_region *r = list_entry(e, struct vm_region, elem);
    if (region_contains(r, va))
      return r;
  }
  return NULL;
}

bool
region_overlaps(struct addrspace *as, const void *start, size_t cnt)
{
  uintptr_t s = (uintptr_t)start;
  for (struct list_elem *e = list_begin(&as->regions);
       e != list_end(&as->regions); e = list_next(e)) {
    struct vm_region *r = list_entry(e, struct vm_region, elem);
    uintptr_t rs = (uintptr_t)r->start;
    /* Compare in pages: neither run wraps, but their ends may not fit. */
    if (rs / PGSIZE < s / PGSIZE + cnt &&
        s / PGSIZE < rs / PGSIZE + r->page_cnt)
      return true;
  }
  return false;
}

struct load_recipe
region_recipe(const struct vm_region *r, const void *va)
{
  int64_t ofs = (int64_t)r->offset + ((uint8_t *)va - r->start);
  int64_t left = (int64_t)r->file_len - ofs;
  if (left <= 0)
    return recipe_one(0, 0, 0);
  return recipe_one(ofs, 0, left < (int64_t)PGSIZE ? left : (int64_t)PGSIZE);
}

struct page *
region_add_page(struct addrspace *as, struct vm_region *r, void *va)
{
  ASSERT(region_contains(r, va) && pg_ofs(va) == 0);
  struct page *page = malloc(sizeof *page);
  if (page == NULL)
    return NULL;
  if (r->is_mmap) {
    uninit_new(page, va, vm_load_recipe, VM_FILE, NULL, r);
  } else {
    uninit_new(page, va, NULL, VM_ANON, NULL, NULL);
  }
  page->writable = page->writable_now = r->writable;
  if (!spt_insert_page(&as->spt, page)) {
    free(page);
    return NULL;
  }
  trace_vm_alloc(&as->spt, va, r->is_mmap ? VM_FILE : VM_ANON, r->writable);
  return page;
}

/* Page-range arguments for the hash walk below. */
struct page_range {
  uintptr_t start, cnt;
};

static bool
page_in_range(struct hash_elem *e, void *arg)
{
  const struct page_range *range = arg;
  uintptr_t va = (uintptr_t)hash_entry(e, struct page, hash_elem)->va;
  return va >= range->start && (va - range->start) / PGSIZE < range->cnt;
}

static void
dealloc_elem(struct hash_elem *e, void *arg)
{
  (void)arg;
  vm_dealloc_page(hash_entry(e, struct page, hash_elem));
}

/* Free every page of AS in [START, START + CNT pages): by address when the
   run is shorter than the table, else in one walk over the table. */
static void
remove_pages(struct addrspace *as, uint8_t *start, size_t cnt)
{
  struct supplemental_page_table *spt = &as->spt;
  if (cnt <= hash_size(&spt->pages)) {
    for (size_t i = 0; i < cnt; i++) {
      struct page *p = spt_find_page(spt, start + i * PGSIZE);
      if (p != NULL)
        spt_remove_page(spt, p);
    }
    return;
  }
  struct page_range range = {(uintptr_t)start, cnt};
  hash_delete_if(&spt->pages, page_in_range, dealloc_elem, &range);
}

bool
region_range_has_pages(struct addrspace *as, const void *start, size_t cnt)
{
  struct supplemental_page_table *spt = &as->spt;
  if (cnt <= hash_size(&spt->pages)) {
    for (size_t i = 0; i < cnt; i++)
      if (spt_find_page(spt, (const uint8_t *)start + i * PGSIZE) != NULL)
        return true;
    return false;
  }
  struct page_range range = {(uintptr_t)start, cnt};
  struct hash_iterator i;
  hash_first(&i, &spt->pages);
  while (hash_next(&i))
    if (page_in_range(hash_cur(&i), &range))
      return true;
  return false;
}

void
region_destroy(struct addrspace *as, struct vm_region *r)
{
  if (r->is_mmap)
    remove_pages(as, r->start, r->page_cnt);
  list_remove(&r->elem);
  if (r->file != NULL)
    file_close(r->file);
  free(r);
}

bool
regions_copy(struct addrspace *dst, struct addrspace *src)
{
  for (struct list_elem *e = list_begin(&src->regions);
       e != list_end(&src->regions); e = list_next(e)) {
    struct vm_region *s = list_entry(e, struct vm_region, elem);
    struct file *file = NULL;
    if (s->file != NULL && (file = file_reopen(s->file)) == NULL)
      return false;
    struct vm_region *d =
        region_create(dst, s->start, s->page_cnt, s->writable, file, s->offset);
    if (d == NULL) {
      if (file != NULL)
        file_close(file);
      return false;
    }
    s->copy = d;
  }
  return true;
}
