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

struct tlb_batch;

/* Map user page UVA to the frame at KVA, marked accessed (a mapping is
   made for an access about to happen, so a replacement policy reading the
   bit must not take it back first).  Replacing a present entry (a
   copy-on-write copy, the zero frame's place) flushes the old one from
   every CPU before returning (reason TLB_REMAP).  False if out of memory. */
bool pml4_set_page(pte_t *pml4, void *uva, void *kva, bool writable);
/* Remove UVA's mapping and record it in B, which flushes it from every
   CPU that may cache it (tlb_batch_finish). */
void pml4_clear_page(pte_t *pml4, void *uva, struct tlb_batch *b);
/* The same, returning whether the removed entry was dirty.  Unlike
   pml4_is_dirty followed by pml4_clear_page, no write by another CPU can
   fall between the two (eviction of a page its process is writing). */
bool pml4_clear_page_dirty(pte_t *pml4, void *uva, struct tlb_batch *b);
/* Kernel address of the frame mapped at UVA, or NULL if not present.
   Reads the entry once: another CPU may remove it meanwhile (eviction),
   and the answer is what the table held at one instant. */
void *pml4_get_page(pte_t *pml4, const void *uva);
/* Give or take write access.  Taking it is recorded in B (copy-on-write
   at fork); B may be NULL when giving. */
void pml4_set_writable(pte_t *pml4, void *uva, bool writable,
                       struct tlb_batch *b);
bool pml4_is_dirty(pte_t *pml4, const void *uva);
/* Set or clear the dirty bit; clearing it (after a write-back) flushes
   the entry from every CPU before returning (reason TLB_CLEAN), so a
   write after the write-back marks the page dirty again. */
void pml4_set_dirty(pte_t *pml4, const void *uva, bool dirty);
bool pml4_is_accessed(pte_t *pml4, const void *uva);
void pml4_set_accessed(pte_t *pml4, const void *uva, bool accessed);
/* Test-and-clear: return the bit's old value and clear it. */
bool pml4_test_and_clear_accessed(pte_t *pml4, const void *uva);
/* Drop the TLB entry of VA on this CPU. */
void tlb_flush_page(const void *va);

/* TLB shootdown (arch/x86_64/tlb.c).  Removing or downgrading an entry
   another CPU may cache is one step of a VM operation; the operation owns
   a struct tlb_batch (on its stack) that the pml4_* calls record into, and
   finishes it once, before the old frames are reused, written out or
   copied: each other CPU is interrupted at most once per operation, not
   once per page.  The reason is the operation's, for the counters
   (`tlb:' log lines, vmstat_machine; docs/smp.md): */
enum tlb_reason {
  TLB_EVICT,  /* Eviction: every sharer's mapping of the victim. */
  TLB_FORK,   /* Copy-on-write at fork: the parent's pages made read-only. */
  TLB_MUNMAP, /* munmap: the mapping's pages. */
  TLB_EXIT,   /* Exit: the whole address space. */
  TLB_EXEC,   /* Exec: the old program's address space. */
  TLB_CLEAN,  /* Dirty bit cleared after a write-back. */
  TLB_REMAP,  /* A fault replacing or dropping its own page's entry. */
  TLB_KERNEL, /* Kernel pages unmapped (a freed thread stack). */
  TLB_REASONS
};

#define TLB_BATCH_PAGES 32 /* Pages listed; more: the targets reload CR3. */

/* One operation's shootdown.  The entries it recorded are already gone
   from this CPU's TLB; `targets' are the CPUs that had their page table
   loaded when one was recorded (every CPU for the kernel half), and only
   they can still hold one.  Owned by one thread. */
struct tlb_batch {
  enum tlb_reason reason;
  uint32_t targets; /* CPUs to flush (bit per CPU). */
  unsigned pages;   /* Entries recorded. */
  unsigned remote;  /* Of them, with targets: va[] lists the first ones. */
  uintptr_t va[TLB_BATCH_PAGES];
};

/* Start an empty batch for an operation of REASON. */
void tlb_batch_init(struct tlb_batch *b, enum tlb_reason reason);
/* Record that VA's entry in PML4 (NULL: the kernel half) was just removed
   or downgraded, its store done, and already flushed on this CPU.  Any
   context; on one CPU it does nothing. */
void tlb_batch_add(struct tlb_batch *b, const pte_t *pml4, const void *va);
/* Interrupt B's targets and wait until they have flushed what B recorded;
   B stays open for more (used before a frame goes back to the pool in the
   middle of an operation).  Any context. */
void tlb_batch_send(struct tlb_batch *b);
/* tlb_batch_send if B has a target (none on one CPU, and none in the
   operations on the caller's own address space). */
static inline void
tlb_batch_sync(struct tlb_batch *b)
{
  if (b->targets != 0)
    tlb_batch_send(b);
}
/* End B's operation: send what is left and count it.  After it no CPU
   holds any entry B recorded; only then may their frames be reused,
   written out or copied as final. */
void tlb_batch_finish(struct tlb_batch *b);
/* Publish that this CPU is about to load PML4 into CR3. */
void tlb_loaded(pte_t *pml4);
/* Serve the shootdowns other CPUs asked of this one (interrupts off). */
void tlb_serve(void);
struct intr_frame;
/* Handler of VEC_IPI_TLB (registered by kmain). */
void tlb_interrupt(struct intr_frame *f);
/* Machine-wide counters of REASON: finished operations that recorded an
   entry, entries recorded, and shootdowns (IPI rounds) sent. */
struct tlb_counts {
  uint64_t operations, pages, shootdowns;
};
struct tlb_counts tlb_counts(enum tlb_reason reason);
/* Log the shootdown counters (several CPUs only). */
void tlb_print_stats(void);

/* Kernel-half mappings with 4 KiB pages (kernel stacks).  KVA_FRAME is a
   direct-map page.  False if out of memory. */
bool mmu_map_kernel(void *va, void *kva_frame);
/* Unmap [VA, VA + PAGES pages) and flush them from every CPU, in one
   shootdown (reason TLB_KERNEL); returns nothing about frames (look them
   up first, free them after).  Thread context. */
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
