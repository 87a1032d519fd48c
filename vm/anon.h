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
  size_t slot;      /* Swap slot holding a valid copy, or SWAP_NONE. */
  bool has_data;    /* Ever held non-zero contents (loaded or written). */
  bool zero_mapped; /* Not resident, but mapped read-only to the shared
                       zero frame (only read so far: vm/vm.c). */
};

/* Become an anonymous page whose contents are zeros (HAS_DATA false) or
   are about to be loaded or shared (HAS_DATA true). */
bool anon_initializer(struct page *, bool has_data);
struct frame;
/* Save the copy-on-write frame F (unmapped from all its sharers, which are
   anonymous) once, in one swap slot that every sharer then holds.  False
   if it cannot be saved. */
bool anon_swap_out_shared(struct frame *f, bool dirty);
/* Make DST (uninit) an anonymous page holding the swap slot of SRC, which
   is swapped out (fork: no copy, no frame). */
void anon_fork_swapped(struct page *dst, const struct page *src);

#endif
