/* SPDX-License-Identifier: MIT */
/* Page tables.
 *
 * The kernel owns one pml4 built at boot: a direct map of all RAM with
 * 2 MiB pages (no execute), the kernel image with 4 KiB pages and real
 * permissions (text read-only, data no-execute, an unmapped guard under the
 * boot stack), and an empty PDPT for the kernel-stack area.  Every user pml4
 * copies entries 256..511, so all address spaces share those lower levels
 * and a kernel stack mapped once is seen everywhere.
 *
 * User mappings are 4 KiB pages reached through walk(), the single loop
 * over the four levels.  Intermediate user entries are present, writable and
 * user; the leaf decides the real permissions. */

#include "arch/x86_64/mmu.h"

#include <debug.h>
#include <string.h>

#include "arch/x86_64/cpu.h"
#include "mm/palloc.h"

#define PTE_P 0x1ull
#define PTE_W 0x2ull
#define PTE_U 0x4ull
#define PTE_PWT 0x8ull
#define PTE_PCD 0x10ull
#define PTE_A 0x20ull
#define PTE_D 0x40ull
#define PTE_PS 0x80ull
#define PTE_NX (1ull << 63)
#define PTE_ADDR 0x000ffffffffff000ull
#define PT_ENTRIES 512

#define PT_INDEX(va, level) (((uintptr_t)(va) >> (12 + 9 * (level))) & 0x1ff)

extern char _text_start[], _rodata_start[], _data_start[], _end[];
extern char boot_stack_guard[];

static pte_t *kernel_pml4;
static pte_t *pml4_active(void);

static inline pte_t *
entry_table(pte_t e)
{
  return ptov(e & PTE_ADDR);
}

/* Return the level-0 entry for VA in PML4, creating missing tables with
   FLAGS when CREATE; NULL if absent (or out of memory). */
static pte_t *
walk(pte_t *pml4, uintptr_t va, bool create, pte_t flags)
{
  pte_t *table = pml4;
  for (int level = 3; level > 0; level--) {
    pte_t *e = &table[PT_INDEX(va, level)];
    if (!(*e & PTE_P)) {
      if (!create)
        return NULL;
      void *page = palloc_get_page(PAL_ZERO);
      if (page == NULL)
        return NULL;
      *e = vtop(page) | flags;
    }
    ASSERT(!(*e & PTE_PS));
    table = entry_table(*e);
  }
  return &table[PT_INDEX(va, 0)];
}

static pte_t *
alloc_table(void)
{
  void *page = palloc_get_page(PAL_ASSERT | PAL_ZERO);
  return page;
}

/* Direct map [0, RAM_END) with 2 MiB pages under pml4[256]. */
static void
map_direct(uintptr_t ram_end)
{
  pte_t *pdpt = alloc_table();
  kernel_pml4[PT_INDEX(DMAP_BASE, 3)] = vtop(pdpt) | PTE_P | PTE_W;
  for (uintptr_t gib = 0; gib * (1ull << 30) < ram_end; gib++) {
    pte_t *pd = alloc_table();
    pdpt[gib] = vtop(pd) | PTE_P | PTE_W;
    for (int i = 0; i < PT_ENTRIES; i++)
      pd[i] = ((gib << 30) + ((uintptr_t)i << 21)) | PTE_P | PTE_W | PTE_PS |
              PTE_NX;
  }
}

/* Map the kernel image with 4 KiB pages and section permissions. */
static void
map_image(void)
{
  pte_t flags = PTE_P | PTE_W;
  for (char *va = _text_start; va < _end; va += PGSIZE) {
    pte_t *pte = walk(kernel_pml4, (uintptr_t)va, true, flags);
    ASSERT(pte != NULL);
    if (va == boot_stack_guard)
      continue;
    pte_t bits = PTE_P;
    if (va >= _rodata_start)
      bits |= PTE_NX;
    if (va >= _data_start)
      bits |= PTE_W;
    *pte = vtop(va) | bits;
  }
}

/* Build the kernel page table and switch to it.  RAM_END is one past the
   highest physical RAM address.  Called once, early, on the boot tables. */
void
mmu_init(uintptr_t ram_end)
{
  kernel_pml4 = alloc_table();
  map_direct(ram_end);
  map_image();
  pte_t *stack_pdpt = alloc_table();
  kernel_pml4[PT_INDEX(KSTACK_AREA, 3)] = vtop(stack_pdpt) | PTE_P | PTE_W;
  lcr3(vtop(kernel_pml4));
}

/* A new address space: empty user half, shared kernel half. */
pte_t *
pml4_create(void)
{
  pte_t *pml4 = palloc_get_page(PAL_ZERO);
  if (pml4 == NULL)
    return NULL;
  memcpy(pml4 + PT_ENTRIES / 2, kernel_pml4 + PT_ENTRIES / 2,
         PT_ENTRIES / 2 * sizeof(pte_t));
  return pml4;
}

static void
free_tables(pte_t *table, int level)
{
  if (level > 0)
    for (int i = 0; i < PT_ENTRIES; i++)
      if (table[i] & PTE_P)
        free_tables(entry_table(table[i]), level - 1);
  palloc_free_page(table);
}

/* Free the user half's page-table pages and PML4 itself.  The frames the
   leaves point to belong to the VM and must already be released. */
void
pml4_destroy(pte_t *pml4)
{
  ASSERT(pml4 != kernel_pml4);
  if (pml4_active() == pml4)
    pml4_activate(NULL);
  for (int i = 0; i < PT_ENTRIES / 2; i++)
    if (pml4[i] & PTE_P)
      free_tables(entry_table(pml4[i]), 2);
  palloc_free_page(pml4);
}

void
pml4_activate(pte_t *pml4)
{
  if (pml4 == NULL)
    pml4 = kernel_pml4;
  if (rcr3() != vtop(pml4)) {
    tlb_loaded(pml4);
    lcr3(vtop(pml4));
  }
}

static pte_t *
pml4_active(void)
{
  return ptov(rcr3() & PTE_ADDR);
}

void
tlb_flush_page(const void *va)
{
  asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

/* UVA's entry in PML4 was removed or downgraded: flush it here if PML4
   is loaded, and record it in B for the other CPUs. */
static void
flush_user(pte_t *pml4, const void *uva, struct tlb_batch *b)
{
  if (pml4_active() == pml4)
    tlb_flush_page(uva);
  tlb_batch_add(b, pml4, uva);
}

/* The same for a change that is a whole operation by itself (one page,
   REASON): the other CPUs are done with the old entry on return. */
static void
flush_user_now(pte_t *pml4, const void *uva, enum tlb_reason reason)
{
  struct tlb_batch b;
  tlb_batch_init(&b, reason);
  flush_user(pml4, uva, &b);
  tlb_batch_finish(&b);
}

bool
pml4_set_page(pte_t *pml4, void *uva, void *kva, bool writable)
{
  ASSERT(pg_ofs(uva) == 0 && pg_ofs(kva) == 0);
  ASSERT(is_user_vaddr(uva));
  pte_t *pte = walk(pml4, (uintptr_t)uva, true, PTE_P | PTE_W | PTE_U);
  if (pte == NULL)
    return false;
  bool was_present = *pte & PTE_P;
  *pte = vtop(kva) | PTE_P | PTE_U | PTE_A | (writable ? PTE_W : 0);
  if (was_present)
    flush_user_now(pml4, uva, TLB_REMAP);
  return true;
}

void
pml4_clear_page(pte_t *pml4, void *uva, struct tlb_batch *b)
{
  pml4_clear_page_dirty(pml4, uva, b);
}

/* The exchange takes the entry and its dirty bit in one step: a CPU still
   writing through the entry sets that bit with a locked update, which
   either lands before the exchange (and is returned) or finds the entry
   gone; writes through a cached TLB entry end with the batch's
   shootdown, which is why the caller finishes it before the frame's
   contents count as final. */
bool
pml4_clear_page_dirty(pte_t *pml4, void *uva, struct tlb_batch *b)
{
  pte_t *pte = walk(pml4, (uintptr_t)uva, false, 0);
  if (pte == NULL || !(*pte & PTE_P))
    return false;
  pte_t old = __atomic_exchange_n(pte, 0, __ATOMIC_SEQ_CST);
  flush_user(pml4, uva, b);
  return old & PTE_D;
}

/* UVA's leaf entry in PML4, or NULL if UVA is not a user address or has
   no page table. */
static pte_t *
user_pte(pte_t *pml4, const void *uva)
{
  if (!is_user_vaddr(uva))
    return NULL;
  return walk(pml4, (uintptr_t)uva, false, 0);
}

static pte_t *
present_pte(pte_t *pml4, const void *uva)
{
  pte_t *pte = user_pte(pml4, uva);
  return pte != NULL && (*pte & PTE_P) ? pte : NULL;
}

/* One load of the entry: "present?" and "which frame?" must come from
   the same value, or an eviction on another CPU clearing the entry in
   between would make this answer frame 0 (int 0x42 would lie). */
void *
pml4_get_page(pte_t *pml4, const void *uva)
{
  pte_t *pte = user_pte(pml4, uva);
  pte_t e = pte != NULL ? __atomic_load_n(pte, __ATOMIC_RELAXED) : 0;
  return e & PTE_P ? ptov(e & PTE_ADDR) : NULL;
}

static bool
test_bit(pte_t *pml4, const void *uva, pte_t bit)
{
  pte_t *pte = present_pte(pml4, uva);
  return pte != NULL && (*pte & bit);
}

/* Set or clear BIT of UVA's present entry.  Taking away write access or
   the dirty bit must reach every CPU (a cached writable entry would go on
   writing, and a cached dirty one would not mark the entry dirty again):
   a write-protect is recorded in B, a cleared dirty bit is flushed at
   once; a cleared accessed bit is flushed only here: another CPU's cached
   entry merely delays the bit's return, which costs the clock some
   accuracy, never correctness. */
static void
set_bit(pte_t *pml4, const void *uva, pte_t bit, bool on, struct tlb_batch *b)
{
  pte_t *pte = present_pte(pml4, uva);
  if (pte == NULL)
    return;
  /* Atomic: another CPU's page walk may set the accessed or dirty bit of
     this entry at any moment, and a plain read-modify-write would lose it. */
  pte_t old = on ? __atomic_fetch_or(pte, bit, __ATOMIC_SEQ_CST)
                 : __atomic_fetch_and(pte, ~bit, __ATOMIC_SEQ_CST);
  if ((old & bit) == (on ? bit : 0))
    return;
  if (on || bit == PTE_A) {
    if (pml4_active() == pml4)
      tlb_flush_page(uva);
  } else if (bit == PTE_W) {
    ASSERT(b != NULL);
    flush_user(pml4, uva, b);
  } else {
    flush_user_now(pml4, uva, TLB_CLEAN);
  }
}

void
pml4_set_writable(pte_t *pml4, void *uva, bool writable, struct tlb_batch *b)
{
  set_bit(pml4, uva, PTE_W, writable, b);
}

bool
pml4_is_dirty(pte_t *pml4, const void *uva)
{
  return test_bit(pml4, uva, PTE_D);
}

void
pml4_set_dirty(pte_t *pml4, const void *uva, bool dirty)
{
  set_bit(pml4, uva, PTE_D, dirty, NULL);
}

bool
pml4_is_accessed(pte_t *pml4, const void *uva)
{
  return test_bit(pml4, uva, PTE_A);
}

void
pml4_set_accessed(pte_t *pml4, const void *uva, bool accessed)
{
  set_bit(pml4, uva, PTE_A, accessed, NULL);
}

bool
pml4_test_and_clear_accessed(pte_t *pml4, const void *uva)
{
  bool was = test_bit(pml4, uva, PTE_A);
  if (was)
    set_bit(pml4, uva, PTE_A, false, NULL);
  return was;
}

bool
mmu_map_kernel(void *va, void *kva_frame)
{
  ASSERT((uintptr_t)va >= KSTACK_AREA && (uintptr_t)va < KERNEL_VMA);
  pte_t *pte = walk(kernel_pml4, (uintptr_t)va, true, PTE_P | PTE_W);
  if (pte == NULL)
    return false;
  *pte = vtop(kva_frame) | PTE_P | PTE_W | PTE_NX;
  return true;
}

void
mmu_unmap_kernel_range(void *va, size_t pages)
{
  struct tlb_batch b;
  tlb_batch_init(&b, TLB_KERNEL);
  for (size_t i = 0; i < pages; i++) {
    void *p = (uint8_t *)va + i * PGSIZE;
    pte_t *pte = walk(kernel_pml4, (uintptr_t)p, false, 0);
    if (pte != NULL && (*pte & PTE_P)) {
      *pte = 0;
      tlb_flush_page(p);
      tlb_batch_add(&b, NULL, p);
    }
  }
  tlb_batch_finish(&b);
}

void *
mmu_lookup_kernel(const void *va)
{
  pte_t *pte = walk(kernel_pml4, (uintptr_t)va, false, 0);
  return pte != NULL && (*pte & PTE_P) ? ptov(*pte & PTE_ADDR) : NULL;
}

/* Create the page-table pages that will map [START, END) in the kernel
   half, so later mappings there allocate nothing (kernel stacks: the leak
   check must not see page-table growth as a leak). */
void
mmu_prealloc_kernel(uintptr_t start, uintptr_t end)
{
  for (uintptr_t va = start; va < end; va += 512 * PGSIZE)
    if (walk(kernel_pml4, va, true, PTE_P | PTE_W) == NULL)
      PANIC("mmu: no memory for the kernel stack area's tables");
}

/* See mmu.h.  Device pages are handed out once, in order, at boot; they
   are never unmapped. */
void *
mmu_map_mmio(paddr_t pa, size_t size)
{
  static uintptr_t next = MMIO_AREA;
  ASSERT(pg_ofs(pa) == 0);
  uintptr_t start = next;
  for (size_t ofs = 0; ofs < size; ofs += PGSIZE) {
    pte_t *pte = walk(kernel_pml4, next, true, PTE_P | PTE_W);
    if (pte == NULL)
      PANIC("mmu: no memory to map device registers");
    *pte = (pa + ofs) | PTE_P | PTE_W | PTE_PCD | PTE_PWT | PTE_NX;
    next += PGSIZE;
  }
  return (void *)start;
}

/* See mmu.h. */
paddr_t
mmu_kernel_root(void)
{
  return vtop(kernel_pml4);
}
