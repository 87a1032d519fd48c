/* SPDX-License-Identifier: MIT */
#ifndef VM_VM_H
#define VM_VM_H

/* Virtual memory: pages, the supplemental page table, the fault path.

   Every user page a process has touched or been given by the loader has a
   struct page in the supplemental page table (SPT) of its address space
   (vm/addrspace.h), resident or not.  Untouched pages of a lazy region
   (mmap, BSS) have none until their first fault.

       uninit ──first fault──▶ anon ◀──▶ swapped (slot on the swap disk)
         │                       │
         └──first fault──▶ file ─┴──▶ freed (munmap, exit, exec)

   A page starts uninit, holding the type it becomes (anon or file) and
   its load recipe (which file bytes, zeros elsewhere).  Its operations
   table changes with its type: swap_in brings the contents into a frame,
   swap_out saves them before the frame is taken, destroy releases what
   the page holds.  Callers use the wrappers swap_in(), swap_out() and
   destroy() below, never the table directly.

   Fault path (vm.c), the chain of the Pintos notes:
     page_fault (userprog/exception.c: decodes CR2, error code, user rsp)
     → vm_try_handle_fault  decides once: bad access, stack growth,
                            copy-on-write write, not present, or a read
                            of zeros (vm_map_zero_page: the shared zero
                            frame, read-only, no frame of its own)
     → vm_claim_page        spt_find_page (hash_find)
     → vm_do_claim_page     the one place a page gets a frame:
       → vm_get_frame       palloc (frame_alloc) or vm_evict_frame (clock)
       → install_page       pml4_get_page, pml4_set_page
       → swap_in            of the page's type
   A fault waiting for memory never holds its address-space lock:
   vm_get_frame lets go of it while it evicts or sleeps and takes it back
   before returning, so other processes can evict this one's pages
   meanwhile.  Only the owner changes its SPT, so the page being claimed
   is still there; everything else must be re-read after vm_get_frame.

   Ownership: a page owns its load recipe (by value: there is no aux
   pointer to free or to copy at fork; a mapping's page has none, its
   region's bounds give it), its swap slot and its share of a frame.
   Files are owned by the address space (the executable) or by a region
   (each mapping holds its own reference); pages only point at them.

   LOCK ORDER (ranks in threads/synch.h, checked at run time by
   lock_acquire; a thread may block on a lock only if every lock it holds
   ranks lower; try-locks never wait and may be taken at any point):
     10 address-space lock: the current process's own (held across a whole
        fault, SPT change or load; it may sleep for I/O with it held).
        Another process's is only ever try-locked (by the evictor, even
        while holding frame_lock).
     11 the address-space lock of a fork child being built (the parent
        holds its own, then this one; set back to 10 before the child
        runs).
     14 the list of page caches, 15 a file's page cache (vm/pagecache.h;
        the evictor only try-locks a cache)
     20 frame_lock (static in vm/frame.c: frame links, pins, clock hand)
     30 swap_lock (vm/swap.c)
     40 the file-system lock     50 an IDE channel
     60 heap   70 page pools   80 console
   Never take a page fault on user memory while holding the file-system
   lock, the console lock or any lock ranked 20 or above: system calls copy
   user buffers into kernel memory (userprog/uaccess.c) before taking them
   and copy out after releasing them; a fault during such a copy takes
   only the address-space lock.

   Field locks in struct page:  (i) immutable  (A) owner's address-space
   lock   (F) frame_lock and the owner's lock both held to change; either
   to read. */

#include <hash.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/mmu.h"

enum vm_type {
  VM_UNINIT = 0, /* Not loaded yet: see uninit.c. */
  VM_ANON = 1,   /* Anonymous: zero-fill, swap-backed. */
  VM_FILE = 2,   /* Backed by a file (mmap, read-only program text). */
};

/* The per-type state headers use enum vm_type. */
#include "vm/anon.h"
#include "vm/file.h"
#include "vm/uninit.h"

struct page;
struct frame;
struct addrspace;

struct page_operations {
  bool (*swap_in)(struct page *, void *kva);
  bool (*swap_out)(struct page *, bool dirty);
  void (*destroy)(struct page *);
  enum vm_type type;
};

#define PAGE_MAGIC 0x50414745u /* "PAGE" */

struct page {
  const struct page_operations *operations; /* (A) */
  void *va;                                 /* (i) User page address. */
  struct frame *frame;                      /* (F) Resident frame, or NULL. */
  struct page *next_sharer;   /* (F) Next page sharing FRAME (COW). */
  struct addrspace *as;       /* (i) Owner. */
  struct hash_elem hash_elem; /* (A) In the owner's SPT. */
  bool writable;              /* (A) Process may write. */
  bool writable_now;          /* (A) Mapped writable (false while COW). */
  uint8_t uninit_type;        /* (A) Uninit: what it becomes (VM_ANON or
                                 VM_FILE); kept here, not in the union, to
                                 keep the union 24 bytes. */
  bool in_mapping;            /* (i) A page of a mapping: its union holds
                                 the region (the recipe follows from the
                                 region and va), not a recipe. */
  uint32_t magic;             /* (i) PAGE_MAGIC. */
  union {                     /* (A) Per-type state. */
    struct uninit_page uninit;
    struct anon_page anon;
    struct file_page file;
  };
};

/* The page's dispatch, with the preconditions each operation needs. */
bool swap_in(struct page *, void *kva);
bool swap_out(struct page *, bool dirty);
void destroy(struct page *);

/* Counters, kept globally (vm_stats) and per address space.  Faults are
   counted once, by outcome, in vm_try_handle_fault; I/O where it is
   issued. */
struct vm_counters {
  uint64_t faults_zero, faults_file, faults_swap_in, faults_stack;
  uint64_t faults_cow, faults_bad, evictions, swap_reads, swap_writes;
  uint64_t file_writebacks, clean_pages_written;
  uint64_t faults_zero_page; /* Reads of untouched memory: the zero frame. */
};
extern struct vm_counters vm_stats;
/* Count one FIELD event for address space AS (NULL: global only). */
void vm_count(struct addrspace *as, size_t field_offset);
#define VM_COUNT(as, field) vm_count((as), offsetof(struct vm_counters, field))

/* Debug knob `-vm-write-clean': eviction writes out pages whose saved copy
   is still valid, so the clean_pages_written counter can be seen to move
   (tests/vm/vmstat-clean). */
extern bool vm_write_clean;

struct supplemental_page_table {
  struct hash pages; /* (A) struct page by va. */
};

void vm_init(void);

bool supplemental_page_table_init(struct supplemental_page_table *);
bool supplemental_page_table_copy(struct supplemental_page_table *dst,
                                  struct supplemental_page_table *src);
void supplemental_page_table_kill(struct supplemental_page_table *);
struct page *spt_find_page(struct supplemental_page_table *, const void *va);
bool spt_insert_page(struct supplemental_page_table *, struct page *);
void spt_remove_page(struct supplemental_page_table *, struct page *);

/* Record a lazy page of TYPE at VA in the current address space, to be
   filled at its first fault by INIT from RECIPE (copied: the caller keeps
   its own), or with zeros if INIT is NULL.  The caller holds the address
   space's lock (addrspace_lock).  False if VA is not a free user page or
   memory is short. */
bool vm_alloc_page_with_initializer(enum vm_type type, void *va, bool writable,
                                    vm_initializer *init,
                                    const struct load_recipe *recipe);
#define vm_alloc_page(type, va, writable)                                      \
  vm_alloc_page_with_initializer((type), (va), (writable), NULL, NULL)
/* The loader's second claim of the uninit page at VA (segments sharing a
   page): add RECIPE's pieces and widen the page to WRITABLE; a writable
   loaded page becomes anonymous (pintos-abi.md 7.6).  Lock held as above.
   False if the page is not uninit or the pieces do not fit. */
bool vm_extend_lazy_page(void *va, const struct load_recipe *recipe,
                         bool writable);
/* Record PAGE_CNT zero pages from VA (a BSS run) as one lazy region: no
   struct page until each is touched.  Lock held as above.  False if the
   range is not user memory or memory is short. */
bool vm_alloc_zero_region(void *va, size_t page_cnt, bool writable);
/* The content initializer that runs RECIPE against the page's file. */
bool vm_load_recipe(struct page *page, const struct load_recipe *recipe);

enum vm_fault_result {
  VM_FAULT_RESOLVED, /* Page brought in; retry the access. */
  VM_FAULT_BAD,      /* Not a legal access: kill (or fail the copy). */
  VM_FAULT_NOMEM,    /* No frame, no swap slot, no page table: kill. */
  VM_FAULT_IO,       /* The disk failed reading the contents: kill. */
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
/* Bring the current address space's page at VA in now.  The caller holds
   the address space's lock; vm_get_frame may let go of it meanwhile (see
   the fault path above).  Returns the frame's kernel address, or NULL
   with *WHY set. */
void *vm_claim_page(void *va, enum vm_fault_result *why);
/* A pinned frame owned by nobody (the page cache's), from the pool or by
   eviction; the caller holds no address-space lock.  NULL if memory is
   out. */
struct frame *vm_get_free_frame(void);
/* Free PAGE: its type's resources, its frame and mapping, the struct.
   The owner's lock is held. */
void vm_dealloc_page(struct page *);

/* True if ADDR is a legal stack-growth address for user RSP. */
bool vm_is_stack_growth(const void *addr, uintptr_t rsp);
/* True if [UVA, UVA+N) is all known to the current process (pages,
   lazy regions) or legal stack growth, and writable when WRITE.  Pure
   check: loads nothing.  Costs O(pages and regions that exist), never
   O(N). */
bool vm_check_user_range(const void *uva, size_t n, bool write, uintptr_t rsp);

void vm_print_stats(void);
void vm_log_counters(const char *who, const struct vm_counters *);

#endif
