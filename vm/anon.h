/* SPDX-License-Identifier: MIT */
#ifndef VM_ANON_H
#define VM_ANON_H

#include <stdbool.h>
#include <stddef.h>

struct page;

#define SWAP_NONE ((size_t)-1)

/* Anonymous page: its contents live in a frame, in a swap slot, or
   nowhere yet (never written: it reads as zeros). */
struct anon_page {
  size_t slot;   /* Swap slot holding a valid copy, or SWAP_NONE. */
  bool has_data; /* Ever held non-zero contents (loaded or written). */
};

/* Become an anonymous page whose contents are zeros (HAS_DATA false) or
   are about to be loaded or shared (HAS_DATA true). */
bool anon_initializer(struct page *, bool has_data);
/* Copy SRC's contents (resident or swapped) into DST_KVA; false on a
   swap read error. */
bool anon_copy_contents(struct page *src, void *dst_kva);

#endif
