/* SPDX-License-Identifier: MIT */
/* Uninitialised pages: the lazy start of every page's life.
 *
 * An uninit page holds what its first fault needs: the type it becomes,
 * the type's initializer (which installs the new page_operations and
 * per-type state), and an optional content initializer with its argument
 * (lazy_load_segment and its load recipe, for example).  The first swap_in
 * runs both and the page is never uninit again. */

#include "vm/uninit.h"

#include <debug.h>

#include "devices/trace.h"
#include "mm/malloc.h"
#include "vm/vm.h"

static bool uninit_initialize(struct page *, void *kva);
static void uninit_destroy(struct page *);

static const struct page_operations uninit_ops = {
    .swap_in = uninit_initialize,
    .swap_out = NULL,
    .destroy = uninit_destroy,
    .type = VM_UNINIT,
};

/* Make PAGE an uninit page at VA that will become TYPE. */
void
uninit_new(struct page *page, void *va, vm_initializer *init, enum vm_type type,
           void *aux, vm_type_initializer *initializer)
{
  ASSERT(page != NULL && initializer != NULL);
  page->operations = &uninit_ops;
  page->va = va;
  page->frame = NULL;
  page->next_sharer = NULL;
  page->magic = PAGE_MAGIC;
  page->uninit = (struct uninit_page){
      .init = init,
      .type = type,
      .aux = aux,
      .page_initializer = initializer,
  };
}

/* First fault: become the real type, then fill the contents.  The
   initializer overwrites the union, so copy what we need first. */
static bool
uninit_initialize(struct page *page, void *kva)
{
  struct uninit_page u = page->uninit;
  if (!u.page_initializer(page, u.type, kva))
    return false;
  if (u.init == NULL && !(u.type & VM_MARKER_STACK)) {
    VM_COUNT(page->spt, faults_zero);
    trace_vm_zero(page->spt, page->va);
  }
  return u.init == NULL || u.init(page, u.aux);
}

/* Never loaded: only the initializer's argument to free. */
static void
uninit_destroy(struct page *page)
{
  free(page->uninit.aux);
}
