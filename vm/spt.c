/* SPDX-License-Identifier: MIT */
/* The supplemental page table: every page a process has, resident or
 * not, in a hash table (lib/kernel/hash.c) keyed by the page's user
 * address.  The table and its pages are guarded by the owning address
 * space's lock (rank 10 in vm/vm.h); callers hold it. */

#include <debug.h>
#include <string.h>

#include "mm/malloc.h"
#include "mm/vaddr.h"
#include "vm/addrspace.h"
#include "vm/region.h"

static uint64_t
page_hash(const struct hash_elem *e, void *aux)
{
  (void)aux;
  return hash_ptr(hash_entry(e, struct page, hash_elem)->va);
}

static bool
page_less(const struct hash_elem *a, const struct hash_elem *b, void *aux)
{
  (void)aux;
  return hash_entry(a, struct page, hash_elem)->va <
         hash_entry(b, struct page, hash_elem)->va;
}

/* Make SPT empty.  False if out of memory. */
bool
supplemental_page_table_init(struct supplemental_page_table *spt)
{
  return hash_init(&spt->pages, page_hash, page_less, NULL);
}

/* The page containing VA, or NULL. */
struct page *
spt_find_page(struct supplemental_page_table *spt, const void *va)
{
  struct page key;
  key.va = pg_round_down(va);
  struct hash_elem *e = hash_find(&spt->pages, &key.hash_elem);
  return e != NULL ? hash_entry(e, struct page, hash_elem) : NULL;
}

/* Add PAGE; false if its address is already taken. */
bool
spt_insert_page(struct supplemental_page_table *spt, struct page *page)
{
  page->as = addrspace_of(spt);
  return hash_insert(&spt->pages, &page->hash_elem) == NULL;
}

/* Remove PAGE from SPT and free it with everything it holds. */
void
spt_remove_page(struct supplemental_page_table *spt, struct page *page)
{
  hash_delete(&spt->pages, &page->hash_elem);
  vm_dealloc_page(page);
}

static void
destroy_elem(struct hash_elem *e, void *aux)
{
  (void)aux;
  vm_dealloc_page(hash_entry(e, struct page, hash_elem));
}

/* Free every page (dirty mapped pages written back), every region and the
   table itself.  Takes the address space's lock. */
void
supplemental_page_table_kill(struct supplemental_page_table *spt)
{
  struct addrspace *as = addrspace_of(spt);
  lock_acquire(&as->lock);
  while (!list_empty(&as->regions))
    region_destroy(
        as, list_entry(list_front(&as->regions), struct vm_region, elem));
  hash_destroy(&spt->pages, destroy_elem);
  lock_release(&as->lock);
}
