/* SPDX-License-Identifier: MIT */
/* Address spaces: the owner of a process's SPT, page table, program file
 * and regions (see vm/addrspace.h for the picture).
 *
 * The one idea: the VM never asks "which process is running?" (that is
 * userprog's business, above it); it asks which address space this CPU
 * has loaded, which only addrspace_activate changes. */

#include "vm/addrspace.h"

#include <debug.h>
#include <string.h>

#include "arch/x86_64/percpu.h"
#include "filesys/file.h"
#include "vm/region.h"

bool
addrspace_init(struct addrspace *as)
{
  lock_init_ranked(&as->lock, LOCK_RANK_ADDR_SPACE);
  as->pml4 = NULL;
  as->exec_file = NULL;
  list_init(&as->regions);
  memset(&as->stats, 0, sizeof as->stats);
  memset(as->recent, 0, sizeof as->recent);
  as->recent_next = 0;
  as->unmapping = NULL;
  return supplemental_page_table_init(&as->spt);
}

void
addrspace_activate(struct addrspace *as)
{
  cpu_write(addrspace, as); /* Per CPU: whose pml4 is in its CR3. */
  pml4_activate(as != NULL ? as->pml4 : NULL);
}

struct addrspace *
addrspace_current(void)
{
  return cpu_read(addrspace);
}

void
addrspace_note_claim(struct addrspace *as, const void *va)
{
  as->recent[as->recent_next] = va;
  as->recent_next = (as->recent_next + 1) % AS_RECENT;
}

bool
addrspace_claimed_recently(const struct addrspace *as, const void *va)
{
  for (unsigned i = 0; i < AS_RECENT; i++)
    if (as->recent[i] == va)
      return true;
  return false;
}

struct addrspace *
addrspace_of(struct supplemental_page_table *spt)
{
  return (struct addrspace *)((char *)spt - offsetof(struct addrspace, spt));
}

void
addrspace_clear(struct addrspace *as)
{
  /* Forget the page table before freeing it: a switch back to us
     reloads whatever as->pml4 says. */
  pte_t *pml4 = as->pml4;
  as->pml4 = NULL;
  if (addrspace_current() == as)
    addrspace_activate(as);
  if (pml4 != NULL)
    pml4_destroy(pml4);
  if (as->exec_file != NULL) {
    file_close(as->exec_file); /* Also drops the write-deny. */
    as->exec_file = NULL;
  }
  /* Counters are per program image: the next one (exec) starts at 0. */
  memset(&as->stats, 0, sizeof as->stats);
  memset(as->recent, 0, sizeof as->recent);
}
