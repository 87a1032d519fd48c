/* SPDX-License-Identifier: MIT */
/* `int 0x42': which frame backs a user address?
 *
 * Tests use it to check laziness and sharing.  rax holds any 64-bit value;
 * we answer with the frame's direct-map address (page-aligned, non-zero)
 * if the calling process's hardware page table has a present entry for it,
 * else 0.  Pure inspection: no fault, no load, no state change. */

#include "vm/inspect.h"

#include "arch/x86_64/intr-frame.h"
#include "arch/x86_64/mmu.h"
#include "threads/interrupt.h"
#include "vm/addrspace.h"

static void
inspect_addr(struct intr_frame *f)
{
  struct addrspace *as = addrspace_current();
  void *uva = (void *)f->r.rax;
  void *kva = NULL;
  if (as != NULL && as->pml4 != NULL && is_user_vaddr(uva))
    kva = pml4_get_page(as->pml4, uva);
  f->r.rax = (uint64_t)kva;
}

void
inspect_init(void)
{
  intr_register_int(0x42, 3, INTR_OFF, inspect_addr, "inspect");
}
