/* SPDX-License-Identifier: MIT */
#ifndef VM_VM_H
#define VM_VM_H

/* Virtual memory: pages, the supplemental page table, the fault path.

   Every user page a process knows about has a struct page in its
   supplemental page table (SPT), whether or not it is resident:

       uninit ──first fault──▶ anon ◀──▶ swapped (slot on the swap disk)
         │                       │
         └──first fault──▶ file ─┴──▶ freed (munmap, exit, exec)

   A page starts uninit, holding the initializer that will give it its first
   contents and the type it becomes (anon or file).  Its operations table
   changes with its type; swap_in brings contents into a frame, swap_out
   saves them before the frame is taken, destroy releases everything.

   Fault path:  page_fault (userprog/exception.c, decodes the CPU's fault)
     → vm_try_handle_fault   (stack growth, write-protect, lookup)
     → vm_claim_page → vm_do_claim_page
     → vm_get_frame          (user pool, or vm_evict_frame: clock)
     → pml4_set_page into the pml4 → swap_in of the page's type.

   LOCK ORDER (take from top to bottom only):
     1. spt->lock of the current process   (held across a whole fault or
                                             SPT change; may sleep for I/O)
     2. frame_lock (vm/frame.c)            (frame table and clock hand;
                                             never held across I/O)
     3. another process's spt->lock        (try-lock only, by the evictor)
     4. swap_lock (vm/swap.c), the file-system lock, block-device locks
        (leaves: nothing is acquired while holding them)
   Never take a page fault on user memory while holding the file-system
   lock, the console lock or any lock in 2-4: system calls copy user
   buffers into kernel memory (userprog/uaccess.c) before taking them and
   copy out after releasing them; a fault during such a copy takes lock 1.

   Field locks in struct page:  (i) immutable  (S) owner's spt->lock
   (F) frame_lock and spt->lock both held to change; either to read. */

#include <hash.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/mmu.h"
#include "threads/synch.h"
#include "vm/anon.h"
#include "vm/file.h"
#include "vm/uninit.h"

enum vm_type {
  VM_UNINIT = 0, /* Not loaded yet: see uninit.c. */
  VM_ANON = 1,   /* Anonymous: zero-fill, swap-backed. */
  VM_FILE = 2,   /* Backed by a file (mmap, read-only program text). */
};

#define VM_TYPE(type) ((type)&7)
/* Marker bit on an uninit page's future type: a stack-growth page (counted
   as a stack fault rather than a zero-fill fault). */
#define VM_MARKER_STACK 8

struct page;
struct frame;

struct page_operations {
  bool (*swap_in)(struct page *, void *kva);
  bool (*swap_out)(struct page *);
  void (*destroy)(struct page *);
  enum vm_type type;
};

#define PAGE_MAGIC 0x50414745u /* "PAGE" */

struct page {
  const struct page_operations *operations; /* (S) */
  void *va;                                 /* (i) User page address. */
  struct frame *frame;                      /* (F) Resident frame, or NULL. */
  struct page *next_sharer;            /* (F) Next page sharing FRAME (COW). */
  struct supplemental_page_table *spt; /* (i) Owner. */
  struct hash_elem hash_elem;          /* (S) In the owner's SPT. */
  bool writable;                       /* (S) Process may write. */
  bool writable_now; /* (S) Mapped writable (false while COW). */
  bool dirty;        /* (S) PTE dirty bit, captured at unmap. */
  uint32_t magic;    /* (i) PAGE_MAGIC. */
  union {            /* (S) Per-type state. */
    struct uninit_page uninit;
    struct anon_page anon;
    struct file_page file;
  };
};

/* Counters, kept globally (vm_stats) and per address space. */
struct vm_counters {
  uint64_t faults_zero, faults_file, faults_swap_in, faults_stack;
  uint64_t faults_cow, faults_bad, evictions, swap_reads, swap_writes;
  uint64_t file_writebacks, clean_pages_written;
};
extern struct vm_counters vm_stats;
#define VM_COUNT(spt, field)                                                   \
  do {                                                                         \
    vm_stats.field++;                                                          \
    if ((spt) != NULL)                                                         \
      (spt)->stats.field++;                                                    \
  } while (0)

struct supplemental_page_table {
  struct lock lock;         /* Order 1: guards pages and their state. */
  struct hash pages;        /* struct page by va. */
  pte_t *pml4;              /* The hardware page table these pages use. */
  struct list mmaps;        /* (lock) struct mmap_region, by mmap order. */
  struct vm_counters stats; /* (lock) This address space's counters. */
  struct file *exec_file;   /* (lock) Running program, for its pages. */
};

/* The running thread's address space, or NULL for kernel threads. */
struct supplemental_page_table *vm_current_spt(void);

void vm_init(void);

bool supplemental_page_table_init(struct supplemental_page_table *,
                                  pte_t *pml4);
bool supplemental_page_table_copy(struct supplemental_page_table *dst,
                                  struct supplemental_page_table *src);
void supplemental_page_table_kill(struct supplemental_page_table *);
struct page *spt_find_page(struct supplemental_page_table *, const void *va);
bool spt_insert_page(struct supplemental_page_table *, struct page *);
void spt_remove_page(struct supplemental_page_table *, struct page *);

typedef bool vm_initializer(struct page *, void *aux);

/* Record a lazy page of TYPE at VA with initializer INIT(page, AUX).
   False if VA is taken or memory is short (AUX is then not freed). */
bool vm_alloc_page_with_initializer(enum vm_type type, void *va, bool writable,
                                    vm_initializer *init, void *aux);
#define vm_alloc_page(type, va, writable)                                      \
  vm_alloc_page_with_initializer((type), (va), (writable), NULL, NULL)

enum vm_fault_result {
  VM_FAULT_RESOLVED, /* Page brought in; retry the access. */
  VM_FAULT_BAD,      /* Not a legal access: kill (or fail the copy). */
  VM_FAULT_NOMEM,    /* No frame and no swap: kill. */
};

/* A page fault, decoded by the architecture layer. */
struct page_fault_info {
  void *addr;         /* Faulting address (CR2). */
  bool not_present;   /* No mapping (else: protection violation). */
  bool write;         /* Write access. */
  bool user;          /* Raised in user mode. */
  uintptr_t user_rsp; /* User stack pointer at the time (or at syscall). */
};

enum vm_fault_result vm_try_handle_fault(const struct page_fault_info *);
bool vm_claim_page(void *va);
bool vm_alloc_page_locked(struct supplemental_page_table *, enum vm_type,
                          void *va, bool writable, vm_initializer *, void *aux);
/* Content initializer for file-built pages; AUX is a struct file_page. */
bool vm_load_from_aux(struct page *, void *aux);
void vm_dealloc_page(struct page *);

/* True if ADDR is a legal stack-growth address for user RSP. */
bool vm_is_stack_growth(const void *addr, uintptr_t rsp);
/* True if [UVA, UVA+N) is all known to the process or legal stack growth,
   and writable when WRITE.  Pure check: loads nothing. */
bool vm_check_user_range(const void *uva, size_t n, bool write, uintptr_t rsp);

void vm_print_stats(void);
void vm_log_counters(const char *who, const struct vm_counters *);

#endif
