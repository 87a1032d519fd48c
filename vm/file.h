/* SPDX-License-Identifier: MIT */
#ifndef VM_FILE_H
#define VM_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <list.h>

#include "filesys/off_t.h"

struct page;
struct file;
enum vm_type;

/* How to build a page from a file: up to two pieces of file bytes at page
   offsets, zeros elsewhere.  Two pieces because program segments may share
   a page (headers and text since binutils 2.31). */
#define RECIPE_PIECES 2
struct load_recipe {
  struct file *file; /* Not owned. */
  off_t file_ofs[RECIPE_PIECES];
  uint16_t page_ofs[RECIPE_PIECES];
  uint16_t len[RECIPE_PIECES];
  uint8_t cnt;
};

/* File-backed page: an mmap page or a read-only program page. */
struct file_page {
  struct load_recipe recipe;  /* Where the bytes come from. */
  struct mmap_region *region; /* Owning mapping, or NULL (program). */
};

/* One mmap() call: a run of file pages sharing a file reference. */
struct mmap_region {
  void *addr; /* First page. */
  size_t page_cnt;
  struct file *file;     /* Own reference (file_reopen). */
  struct list_elem elem; /* In the process's mapping list. */
};

bool file_backed_initializer(struct page *, enum vm_type, void *kva);
/* Fill KVA from R: the file's bytes, zeros elsewhere.  False on I/O
   error. */
bool recipe_load(const struct load_recipe *r, void *kva);

struct supplemental_page_table;
void *do_mmap(void *addr, size_t length, int writable, struct file *file,
              off_t offset);
void do_munmap(void *addr);
void mmap_remove_all(struct supplemental_page_table *);
bool mmap_copy_regions(struct supplemental_page_table *dst,
                       struct supplemental_page_table *src);
struct mmap_region *mmap_region_map(struct supplemental_page_table *dst,
                                    struct mmap_region *);

#endif
