/* SPDX-License-Identifier: MIT */
#ifndef VM_ADDRSPACE_H
#define VM_ADDRSPACE_H

/* A process's address space: the one object that owns its supplemental
   page table, its hardware page table, its program file and its lazy
   regions (mappings and BSS runs).  The process holds it (struct process
   in userprog/process.h); nothing else keeps a copy of any of these.

   addrspace_current() is the address space whose pml4 this CPU has
   loaded: it changes only in addrspace_activate, which the scheduler
   calls (through userprog) on every switch.

       struct process ──▶ struct addrspace
                            ├─ lock          (rank 10, vm/vm.h)
                            ├─ spt ──▶ hash of struct page ──▶ frame
                            ├─ pml4          (hardware page table)
                            ├─ exec_file     (write-denied program)
                            └─ regions ──▶ struct vm_region (mmap, BSS) */

#include <list.h>

#include "arch/x86_64/mmu.h"
#include "threads/synch.h"
#include "vm/vm.h"

#define AS_RECENT 8 /* x86: at most 6 pages for one instruction. */

struct addrspace {
  struct lock lock;                   /* Guards everything below. */
  struct supplemental_page_table spt; /* Pages by user address. */
  pte_t *pml4;              /* Hardware page table, or NULL when empty. */
  struct file *exec_file;   /* Own reference, write-denied, or NULL. */
  struct list regions;      /* struct vm_region, in creation order. */
  struct vm_counters stats; /* This address space's counters. */
  /* The pages its last AS_RECENT claims brought in, oldest overwritten
     first.  One instruction may need several pages at once (its own bytes
     and its operands, each possibly across a page boundary); its own
     faults never evict these, or two of its pages could take each other's
     frame forever (vm/frame.c). */
  const void *recent[AS_RECENT];
  unsigned recent_next;
  /* (owner thread) The TLB batch of the operation freeing pages now
     (munmap, exit, exec; vm_dealloc_page records into it), else NULL. */
  struct tlb_batch *unmapping;
};

/* Make AS empty: no pages, no pml4 (load creates it), no regions.  False
   if memory is short. */
bool addrspace_init(struct addrspace *as);
/* Load AS's pml4 (NULL: the kernel's only) and make it current. */
void addrspace_activate(struct addrspace *as);
/* The current address space, or NULL in a kernel thread. */
struct addrspace *addrspace_current(void);
/* Note that a fault of AS's brought in the page at VA (AS's lock held). */
void addrspace_note_claim(struct addrspace *as, const void *va);
/* True if VA is among the pages AS's last claims brought in. */
bool addrspace_claimed_recently(const struct addrspace *as, const void *va);
/* The address space that holds SPT. */
struct addrspace *addrspace_of(struct supplemental_page_table *spt);
/* Release AS's page table and program, once supplemental_page_table_kill
   has freed its pages and regions (process_cleanup does both), and zero
   its counters, which count one program image. */
void addrspace_clear(struct addrspace *as);

#endif
