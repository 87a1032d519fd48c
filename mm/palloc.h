/* SPDX-License-Identifier: MIT */
#ifndef MM_PALLOC_H
#define MM_PALLOC_H

/* Physical page allocator: a kernel pool and a user pool, each a bitmap of
   4 KiB frames.  Pages are returned as kernel virtual addresses in the
   direct map (see mm/vaddr.h). */

#include <stddef.h>

#include "mm/vaddr.h"

enum palloc_flags {
  PAL_ASSERT = 001, /* Panic on failure. */
  PAL_ZERO = 002,   /* Zero the page(s). */
  PAL_USER = 004    /* Take from the user pool. */
};

/* Split the free physical range [START, END) between the pools; the user
   pool gets half, at most USER_PAGE_LIMIT pages. */
void palloc_init(paddr_t start, paddr_t end, size_t user_page_limit);
void *palloc_get_page(enum palloc_flags);
void *palloc_get_multiple(enum palloc_flags, size_t page_cnt);
void palloc_free_page(void *);
void palloc_free_multiple(void *, size_t page_cnt);

/* Free pages left in the pool (PAL_USER selects the user pool). */
size_t palloc_free_count(enum palloc_flags);
size_t palloc_total_count(enum palloc_flags);
/* First page of a pool: frames are numbered from it. */
void *palloc_pool_base(enum palloc_flags);

#endif
