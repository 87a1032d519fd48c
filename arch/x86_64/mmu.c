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
  if (rcr3() != vtop(pml4))
    lcr3(vtop(pml4));
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

static void
flush_if_active(pte_t *pml4, const void *uva)
{
  if (pml4_active() == pml4)
    tlb_flush_page(uva);
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
    flush_if_active(pml4, uva);
  return true;
}

void
pml4_clear_page(pte_t *pml4, void *uva)
{
  pte_t *pte = walk(pml4, (uintptr_t)uva, false, 0);
  if (pte != NULL && (*pte & PTE_P)) {
    *pte = 0;
    flush_if_active(pml4, uva);
  }
}

static pte_t *
present_pte(pte_t *pml4, const void *uva)
{
  if (!is_user_vaddr(uva))
    return NULL;
  pte_t *pte = walk(pml4, (uintptr_t)uva, false, 0);
  return pte != NULL && (*pte & PTE_P) ? pte : NULL;
}

void *
pml4_get_page(pte_t *pml4, const void *uva)
{
  pte_t *pte = present_pte(pml4, uva);
  return pte != NULL ? ptov(*pte & PTE_ADDR) : NULL;
}

static bool
test_bit(pte_t *pml4, const void *uva, pte_t bit)
{
  pte_t *pte = present_pte(pml4, uva);
  return pte != NULL && (*pte & bit);
}

static void
set_bit(pte_t *pml4, const void *uva, pte_t bit, bool on)
{
  pte_t *pte = present_pte(pml4, uva);
  if (pte == NULL)
    return;
  pte_t old = *pte;
  *pte = on ? old | bit : old & ~bit;
  if (*pte != old)
    flush_if_active(pml4, uva);
}

void
pml4_set_writable(pte_t *pml4, void *uva, bool writable)
{
  set_bit(pml4, uva, PTE_W, writable);
}

bool
pml4_is_dirty(pte_t *pml4, const void *uva)
{
  return test_bit(pml4, uva, PTE_D);
}

void
pml4_set_dirty(pte_t *pml4, const void *uva, bool dirty)
{
  set_bit(pml4, uva, PTE_D, dirty);
}

bool
pml4_is_accessed(pte_t *pml4, const void *uva)
{
  return test_bit(pml4, uva, PTE_A);
}

void
pml4_set_accessed(pte_t *pml4, const void *uva, bool accessed)
{
  set_bit(pml4, uva, PTE_A, accessed);
}

bool
pml4_test_and_clear_accessed(pte_t *pml4, const void *uva)
{
  bool was = test_bit(pml4, uva, PTE_A);
  if (was)
    set_bit(pml4, uva, PTE_A, false);
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
mmu_unmap_kernel(void *va)
{
  pte_t *pte = walk(kernel_pml4, (uintptr_t)va, false, 0);
  if (pte != NULL) {
    *pte = 0;
    tlb_flush_page(va);
  }
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
