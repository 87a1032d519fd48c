/* SPDX-License-Identifier: MIT */
#ifndef VM_SWAP_H
#define VM_SWAP_H

/* Swap slots: 8 consecutive sectors (one page) each, numbered from sector
   0 of the swap disk, tracked by a bitmap.  Policy-free bookkeeping: the
   anon pager decides when to write. */

#include <stdbool.h>
#include <stddef.h>

void swap_init(void);
/* A free slot, or SWAP_NONE (vm/anon.h) when the disk is full or absent. */
size_t swap_alloc(void);
/* Drop one holder of SLOT; the last frees it. */
void swap_free(size_t slot);
/* One more holder of SLOT (which stays valid for all); returns SLOT. */
size_t swap_ref(size_t slot);
/* True if SLOT has more than one holder (never write it then). */
bool swap_is_shared(size_t slot);
/* Never hand SLOT (allocated, its write failed) out again; it stops
   counting as used. */
void swap_retire(size_t slot);
bool swap_write(size_t slot, const void *kva);
bool swap_read(size_t slot, void *kva);
size_t swap_slots_used(void);
size_t swap_slots_total(void);

#endif
