/* SPDX-License-Identifier: MIT */
/* Uninitialised pages: the lazy start of every page's life.
 *
 * An uninit page holds what its first fault needs: the type it becomes,
 * its load recipe and the content initializer that runs it.  The first
 * swap_in turns the page into its type (the type alone decides how: there
 * is no second copy of it to disagree) and then fills the contents; the
 * page is never uninit again. */

#include "vm/vm.h" /* First: the per-type headers need enum vm_type. */

#include <debug.h>
#include <string.h>

#include "mm/vaddr.h"
#include "vm/vm.h"

static bool uninit_initialize(struct page *, void *kva);
static bool uninit_swap_out(struct page *, bool dirty);
static void uninit_destroy(struct page *);

static const struct page_operations uninit_ops = {
    .swap_in = uninit_initialize,
    .swap_out = uninit_swap_out,
    .destroy = uninit_destroy,
    .type = VM_UNINIT,
};

void
uninit_new(struct page *page, void *va, vm_initializer *init, enum vm_type type,
           const struct load_recipe *recipe, struct vm_region *region)
{
  ASSERT(page != NULL && (type == VM_ANON || type == VM_FILE));
  page->operations = &uninit_ops;
  page->va = va;
  page->frame = NULL;
  page->next_sharer = NULL;
  page->magic = PAGE_MAGIC;
  page->uninit_type = type;
  page->in_mapping = region != NULL;
  page->uninit = (struct uninit_page){.init = init};
  ASSERT(region == NULL || recipe == NULL);
  if (region != NULL)
    page->uninit.region = region;
  else if (recipe != NULL)
    page->uninit.recipe = *recipe;
}

/* First fault: become the real type, then fill the contents.  The type's
   initializer overwrites the union, so keep what we need first. */
static bool
uninit_initialize(struct page *page, void *kva)
{
  struct uninit_page u = page->uninit;
  struct load_recipe recipe;
  bool has_bytes = false;
  if (u.init != NULL) {
    recipe = page_recipe(page);
    has_bytes = recipe_has_bytes(&recipe);
  }
  bool ok;
  if (page->uninit_type == VM_FILE) {
    ok = file_backed_initializer(page, kva);
    page->file = page->in_mapping ? (struct file_page){.region = u.region}
                                  : (struct file_page){.recipe = u.recipe};
  } else {
    ok = anon_initializer(page, has_bytes);
  }
  memset(kva, 0, PGSIZE);
  return ok && (!has_bytes || u.init(page, &recipe));
}

/* Never resident, so never evicted. */
static bool
uninit_swap_out(struct page *page, bool dirty)
{
  (void)page;
  (void)dirty;
  PANIC("swap_out of an uninit page");
}

/* Never loaded: it holds nothing (the recipe is part of the page). */
static void
uninit_destroy(struct page *page)
{
  (void)page;
}
