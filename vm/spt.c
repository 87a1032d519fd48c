/* SPDX-License-Identifier: MIT */
/* The supplemental page table: every page a process knows about, resident
 * or not, in a hash table (lib/kernel/hash.c) keyed by the page's user
 * address.  The table and the pages in it are guarded by spt->lock (lock
 * order 1 in vm/vm.h); callers hold it. */

#include <debug.h>
#include <string.h>

#include "mm/malloc.h"
#include "mm/vaddr.h"
#include "vm/vm.h"

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

/* Empty SPT for the address space PML4.  False if out of memory. */
bool
supplemental_page_table_init(struct supplemental_page_table *spt, pte_t *pml4)
{
  lock_init(&spt->lock);
  spt->pml4 = pml4;
  list_init(&spt->mmaps);
  spt->exec_file = NULL;
  memset(&spt->stats, 0, sizeof spt->stats);
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
  page->spt = spt;
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

/* Free every page (writing back dirty mapped pages) and the table. */
void
supplemental_page_table_kill(struct supplemental_page_table *spt)
{
  mmap_remove_all(spt);
  lock_acquire(&spt->lock);
  hash_destroy(&spt->pages, destroy_elem);
  lock_release(&spt->lock);
}
