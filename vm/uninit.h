/* SPDX-License-Identifier: MIT */
#ifndef VM_UNINIT_H
#define VM_UNINIT_H

#include <stdbool.h>

struct page;
enum vm_type;

typedef bool vm_initializer(struct page *, void *aux);
/* Turns an uninit page into its real type (anon or file). */
typedef bool vm_type_initializer(struct page *, enum vm_type, void *kva);

/* State of a page that has never been loaded. */
struct uninit_page {
  vm_initializer *init; /* Fills the contents, or NULL (zero). */
  int type;             /* enum vm_type it becomes. */
  void *aux;            /* Argument for INIT. */
  vm_type_initializer *page_initializer;
};

void uninit_new(struct page *, void *va, vm_initializer *init,
                enum vm_type type, void *aux, vm_type_initializer *);

#endif
