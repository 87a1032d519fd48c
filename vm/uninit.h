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

/* State of a page that has never been loaded (what it becomes is
   page->uninit_type). */
struct uninit_page {
  vm_initializer *init; /* Fills the contents, or NULL (zeros). */
  union {
    struct load_recipe recipe; /* For INIT: a program page. */
    struct vm_region *region;  /* A mapping's page (page->in_mapping). */
  };
};

/* Make PAGE an uninit page at VA that becomes TYPE, filled by INIT at its
   first fault: from RECIPE (NULL: no bytes), or, for a page of the
   mapping REGION (then RECIPE is NULL), from the region's file. */
void uninit_new(struct page *page, void *va, vm_initializer *init,
                enum vm_type type, const struct load_recipe *recipe,
                struct vm_region *region);

#endif
