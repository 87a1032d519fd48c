/* SPDX-License-Identifier: MIT */
#ifndef VM_UNINIT_H
#define VM_UNINIT_H

/* Included by vm/vm.h after enum vm_type. */

#include <stdbool.h>

#include "vm/file.h"

struct page;
struct vm_region;

/* A content initializer: fills the new frame of PAGE from RECIPE (the
   loader's lazy_load_segment, or vm_load_recipe for mappings). */
typedef bool vm_initializer(struct page *page, const struct load_recipe *);

/* State of a page that has never been loaded. */
struct uninit_page {
  vm_initializer *init;      /* Fills the contents, or NULL (zeros). */
  enum vm_type type;         /* What it becomes: VM_ANON or VM_FILE. */
  struct load_recipe recipe; /* For INIT. */
  struct vm_region *region;  /* Mapping it belongs to, or NULL. */
};

/* Make PAGE an uninit page at VA that becomes TYPE, filled by INIT from
   RECIPE (NULL: no bytes) at its first fault. */
void uninit_new(struct page *page, void *va, vm_initializer *init,
                enum vm_type type, const struct load_recipe *recipe,
                struct vm_region *region);

#endif
