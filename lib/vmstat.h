/* SPDX-License-Identifier: MIT */
#ifndef LIB_VMSTAT_H
#define LIB_VMSTAT_H

/* Virtual-memory counters, shared by the kernel (which fills the struct in
   the vmstat system call) and user programs (which print it).  Every field
   is a uint64_t so the layout is the same on both sides without packing
   rules; add new fields only at the end.  The fault, eviction, swap and
   write-back counters are the calling process's own; the frame, slot and
   TLB counts describe the whole machine. */

#include <stdint.h>

/* The reasons of the TLB counters below, in this order (docs/smp.md). */
enum vmstat_tlb_reason {
  VMSTAT_TLB_EVICT,  /* Eviction. */
  VMSTAT_TLB_FORK,   /* Copy-on-write downgrade at fork. */
  VMSTAT_TLB_MUNMAP, /* munmap. */
  VMSTAT_TLB_EXIT,   /* Exit (address space torn down). */
  VMSTAT_TLB_EXEC,   /* Exec (the old image torn down). */
  VMSTAT_TLB_CLEAN,  /* Dirty bit cleared after a write-back. */
  VMSTAT_TLB_REMAP,  /* A fault replacing its own page's entry. */
  VMSTAT_TLB_KERNEL, /* Kernel pages unmapped (thread stacks). */
  VMSTAT_TLB_REASONS
};

struct vmstat {
  uint64_t faults_zero;         /* Faults satisfied with a zeroed page. */
  uint64_t faults_file;         /* Faults read from an executable or mapping. */
  uint64_t faults_swap_in;      /* Faults read back from swap. */
  uint64_t faults_stack;        /* Faults that grew the stack. */
  uint64_t faults_cow;          /* Write faults that broke COW sharing. */
  uint64_t faults_bad;          /* Faults that killed the process. */
  uint64_t evictions;           /* Frames taken from their page. */
  uint64_t swap_reads;          /* Pages read from swap. */
  uint64_t swap_writes;         /* Pages written to swap. */
  uint64_t file_writebacks;     /* Dirty mapped pages written to files. */
  uint64_t clean_pages_written; /* Write-backs of pages that were clean. */
  uint64_t user_frames_free;    /* Free frames in the user pool now. */
  uint64_t user_frames_total;   /* Size of the user pool. */
  uint64_t swap_slots_used;     /* Swap slots in use now. */
  uint64_t swap_slots_total;    /* Swap slots on the swap disk. */
  uint64_t faults_zero_page;    /* Reads of untouched memory: zero frame. */
  /* The page cache (file pages in user frames), the whole machine's in
     both calls. */
  uint64_t pcache_hits;       /* Pages found in the cache. */
  uint64_t pcache_misses;     /* Pages read into it from the disk. */
  uint64_t pcache_evictions;  /* Cache frames taken by the policy. */
  uint64_t pcache_writebacks; /* Dirty cache pages written to files. */
  uint64_t pcache_frames;     /* Frames the cache holds now. */
  /* The whole machine's TLB work by reason, on several CPUs (all zero on
     one): operations that removed or downgraded present entries, the
     entries, and the shootdowns (rounds of IPIs) they needed. */
  uint64_t tlb_operations[VMSTAT_TLB_REASONS];
  uint64_t tlb_pages[VMSTAT_TLB_REASONS];
  uint64_t tlb_shootdowns[VMSTAT_TLB_REASONS];
};

#endif /* LIB_VMSTAT_H */
