/* SPDX-License-Identifier: MIT */
#ifndef VM_ANON_H
#define VM_ANON_H

#include <stdbool.h>
#include <stddef.h>

struct page;
enum vm_type;

#define SWAP_NONE ((size_t)-1)

/* Anonymous page: its contents live in a frame, in a swap slot, or
   nowhere yet (never written: it reads as zeros). */
struct anon_page {
  size_t slot;   /* Swap slot holding a valid copy, or SWAP_NONE. */
  bool has_data; /* Ever held non-zero contents (loaded or written). */
};

bool anon_initializer(struct page *, enum vm_type, void *kva);
/* Copy SRC's contents (resident or swapped) into DST_KVA. */
bool anon_copy_contents(struct page *src, void *dst_kva);
void anon_share_init(struct page *page);

#endif
