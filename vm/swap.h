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
void swap_free(size_t slot);
/* Never hand SLOT (allocated, its write failed) out again; it stops
   counting as used. */
void swap_retire(size_t slot);
bool swap_write(size_t slot, const void *kva);
bool swap_read(size_t slot, void *kva);
size_t swap_slots_used(void);
size_t swap_slots_total(void);

#endif
