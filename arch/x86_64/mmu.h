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
#include <stddef.h>
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
/* Remove UVA's mapping and flush its TLB entry on every CPU that may
   cache it. */
void pml4_clear_page(pte_t *pml4, void *uva);
/* The same, returning whether the removed entry was dirty.  Unlike
   pml4_is_dirty followed by pml4_clear_page, no write by another CPU can
   fall between the two (eviction of a page its process is writing). */
bool pml4_clear_page_dirty(pte_t *pml4, void *uva);
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

/* TLB shootdown (arch/x86_64/tlb.c).  The pml4_* and mmu_* functions call
   it themselves whenever they remove or downgrade an entry another CPU
   may cache; nothing above arch/ needs to.  Reasons, for the counters
   (the VM operations behind each in docs/smp.md): */
enum tlb_reason {
  TLB_UNMAP,   /* pml4_clear_page: eviction, munmap, exit, exec. */
  TLB_REMAP,   /* pml4_set_page over a present entry. */
  TLB_PROTECT, /* Write access taken away: copy-on-write at fork. */
  TLB_CLEAN,   /* Dirty bit cleared: after a write-back. */
  TLB_KERNEL,  /* A kernel page unmapped (a freed thread stack). */
  TLB_REASONS
};
/* Flush PAGES pages from VA (0: the whole TLB) of PML4 (NULL: the kernel
   half) on every other CPU that may cache them, and wait until they have.
   Any context; on one CPU it does nothing. */
void tlb_shootdown(const pte_t *pml4, const void *va, size_t pages,
                   enum tlb_reason reason);
/* Publish that this CPU is about to load PML4 into CR3. */
void tlb_loaded(pte_t *pml4);
/* Serve the shootdowns other CPUs asked of this one (interrupts off). */
void tlb_serve(void);
struct intr_frame;
/* Handler of VEC_IPI_TLB (registered by kmain). */
void tlb_interrupt(struct intr_frame *f);
/* Log the shootdown counters (several CPUs only). */
void tlb_print_stats(void);

/* Kernel-half mappings with 4 KiB pages (kernel stacks).  KVA_FRAME is a
   direct-map page.  False if out of memory. */
bool mmu_map_kernel(void *va, void *kva_frame);
/* Remove the mapping of kernel page VA, flushing it from every CPU's TLB
   (thread context; one shootdown per call, so unmap ranges with
   mmu_unmap_kernel_range). */
void mmu_unmap_kernel(void *va);
/* Unmap [VA, VA + PAGES pages) and flush them everywhere, in one
   shootdown; returns nothing about frames (look them up first). */
void mmu_unmap_kernel_range(void *va, size_t pages);
/* Direct-map address of the frame behind kernel page VA, or NULL. */
void *mmu_lookup_kernel(const void *va);
void mmu_prealloc_kernel(uintptr_t start, uintptr_t end);
/* Map SIZE bytes of device registers at physical PA (page aligned),
   uncached, in the MMIO area; returns their kernel address.  Boot only,
   before any user pml4 exists; panics when out of memory. */
void *mmu_map_mmio(paddr_t pa, size_t size);
/* Physical address of the kernel's pml4 (for the CPUs started later). */
paddr_t mmu_kernel_root(void);

#endif
