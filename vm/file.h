/* SPDX-License-Identifier: MIT */
#ifndef VM_FILE_H
#define VM_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filesys/off_t.h"

struct page;
struct file;
struct vm_region;

/* How to build a page from a file: up to two pieces of file bytes at page
   offsets, zeros elsewhere.  Two pieces because program segments may share
   a page (headers and text since binutils 2.31).  Which file is the page's
   business (its mapping's, or the program's), so a recipe is plain data:
   copied by assignment, never freed.  A piece is used iff its LEN is not
   zero (16 bytes in all). */
#define RECIPE_PIECES 2
struct load_recipe {
  off_t file_ofs[RECIPE_PIECES];
  uint16_t page_ofs[RECIPE_PIECES];
  uint16_t len[RECIPE_PIECES];
};

/* A recipe of one piece: LEN bytes of the file from OFS at PAGE_OFS. */
struct load_recipe recipe_one(off_t ofs, size_t page_ofs, size_t len);
/* Add R2's pieces to R; false if they do not fit. */
bool recipe_merge(struct load_recipe *r, const struct load_recipe *r2);
/* True if R brings any file bytes (else the page is all zeros). */
bool recipe_has_bytes(const struct load_recipe *r);
/* Fill KVA from R and FILE: the file's bytes, zeros elsewhere.  False on
   a short read (a disk error: files never shrink). */
bool recipe_load(const struct load_recipe *r, struct file *file, void *kva);

/* File-backed page: a page of a mapping, or a read-only program page. */
struct file_page {
  union {
    struct load_recipe recipe; /* A program page: where its bytes are. */
    struct vm_region *region;  /* A mapping's page (page->in_mapping):
                                  page_recipe() computes its recipe. */
  };
};

bool file_backed_initializer(struct page *, void *kva);
/* The mapping PAGE (uninit or file-backed) belongs to, or NULL. */
struct vm_region *page_region(const struct page *page);
/* The recipe of PAGE (uninit or file-backed): its own, or for a page of
   a mapping the region's bytes at its address. */
struct load_recipe page_recipe(const struct page *page);
/* The file PAGE (uninit or file-backed) reads from: its mapping's, or the
   program's. */
struct file *file_page_file(const struct page *page);
/* Write the dirty mapped page PAGE (resident) back to its file and clear
   its dirty bit; false if the file took fewer bytes (disk error). */
bool file_page_write_back(struct page *page);

void *do_mmap(void *addr, size_t length, int writable, struct file *file,
              off_t offset);
void do_munmap(void *addr);

#endif
