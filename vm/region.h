/* SPDX-License-Identifier: MIT */
#ifndef VM_REGION_H
#define VM_REGION_H

/* Lazy regions: a run of pages recorded by its bounds, not page by page.
   A struct page appears only when a page of the run is first touched, so
   an mmap of 64 GiB or a 1 GiB BSS costs one record.  The pages made from
   a region keep a pointer to it (file pages, for write-back).  Guarded by
   the address space's lock. */

#include <list.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filesys/off_t.h"
#include "vm/file.h"

struct addrspace;
struct page;
struct file;

struct vm_region {
  uint8_t *start;         /* First page. */
  size_t page_cnt;        /* Pages in the run. */
  bool writable;          /* Pages may be written. */
  bool is_mmap;           /* A mapping (else a BSS run of zero pages). */
  struct file *file;      /* Mapping: its own reference.  BSS: NULL. */
  off_t offset;           /* Mapping: file offset of the first page. */
  off_t file_len;         /* Mapping: the file's length (files never grow). */
  struct vm_region *copy; /* During fork: the child's copy. */
  struct list_elem elem;  /* In the address space's regions. */
};

/* Add a region of CNT pages at START to AS.  FILE (a mapping; NULL: zero
   pages) is owned by the region from then on.  NULL if memory is short. */
struct vm_region *region_create(struct addrspace *as, void *start, size_t cnt,
                                bool writable, struct file *file, off_t offset);
/* The region of AS containing VA, or NULL. */
struct vm_region *region_find(struct addrspace *as, const void *va);
/* True if a region of AS overlaps [START, START + CNT pages). */
bool region_overlaps(struct addrspace *as, const void *start, size_t cnt);
/* The recipe of the page at VA of mapping R: the file's bytes there,
   clipped to the file's length; none past it. */
struct load_recipe region_recipe(const struct vm_region *r, const void *va);
/* Record the page at VA of R, uninit, for a fault to claim, and return
   it.  NULL if memory is short. */
struct page *region_add_page(struct addrspace *as, struct vm_region *r,
                             void *va);
/* Remove R: its pages (dirty mapped ones written back), file, record. */
void region_destroy(struct addrspace *as, struct vm_region *r);
/* Give DST a copy of each region of SRC (fork); sets each SRC region's
   COPY.  False if memory is short (DST then holds some: clear it). */
bool regions_copy(struct addrspace *dst, struct addrspace *src);
/* True if any page of AS lies in [START, START + CNT pages).  Costs
   O(min(CNT, pages of AS)). */
bool region_range_has_pages(struct addrspace *as, const void *start,
                            size_t cnt);

#endif
