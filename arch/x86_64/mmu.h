/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_MMU_H
#define ARCH_X86_64_MMU_H

/* The machine-dependent page-table boundary.  Everything above arch/ maps,
   unmaps, protects and inspects user pages only through these functions; no
   one else touches PTE bits.

   x86-64 4-level paging, one loop walks all levels:
      63     48 47   39 38   30 29   21 20   12 11        0
     +---------+-------+-------+-------+-------+-----------+
     | sign ext| PML4  | PDPT  |  PD   |  PT   |  offset   |
     +---------+-------+-------+-------+-------+-----------+

   A pml4 is a kernel virtual address of a page-table root.  Every pml4
   shares the kernel half (entries 256..511) with the kernel's own.

   Names: pml4_* work on one user page table and carry the Pintos names
   (pml4_create, pml4_set_page, pml4_get_page, pml4_clear_page, ...);
   mmu_* set up and change the kernel half, which every pml4 shares. */

#include <stdbool.h>
#include <stdint.h>

#include "mm/vaddr.h"

typedef uint64_t pte_t;

void mmu_init(uintptr_t ram_end);
/* New pml4 sharing the kernel half; NULL if out of memory. */
pte_t *pml4_create(void);
/* Free PML4 and every user page-table page in it (not the mapped frames). */
void pml4_destroy(pte_t *pml4);
/* Load PML4 into CR3 (NULL: the kernel's). */
void pml4_activate(pte_t *pml4);

/* Map user page UVA to the frame at KVA, marked accessed (a mapping is
   made for an access about to happen, so a replacement policy reading the
   bit must not take it back first).  False if out of memory. */
bool pml4_set_page(pte_t *pml4, void *uva, void *kva, bool writable);
/* Remove UVA's mapping (and flush the TLB entry if PML4 is active). */
void pml4_clear_page(pte_t *pml4, void *uva);
/* Kernel address of the frame mapped at UVA, or NULL if not present. */
void *pml4_get_page(pte_t *pml4, const void *uva);
void pml4_set_writable(pte_t *pml4, void *uva, bool writable);
bool pml4_is_dirty(pte_t *pml4, const void *uva);
void pml4_set_dirty(pte_t *pml4, const void *uva, bool dirty);
bool pml4_is_accessed(pte_t *pml4, const void *uva);
void pml4_set_accessed(pte_t *pml4, const void *uva, bool accessed);
/* Test-and-clear: return the bit's old value and clear it. */
bool pml4_test_and_clear_accessed(pte_t *pml4, const void *uva);
/* Drop the TLB entry of VA on this CPU. */
void tlb_flush_page(const void *va);

/* Kernel-half mappings with 4 KiB pages (kernel stacks).  KVA_FRAME is a
   direct-map page.  False if out of memory. */
bool mmu_map_kernel(void *va, void *kva_frame);
void mmu_unmap_kernel(void *va);
/* Direct-map address of the frame behind kernel page VA, or NULL. */
void *mmu_lookup_kernel(const void *va);
void mmu_prealloc_kernel(uintptr_t start, uintptr_t end);

#endif
