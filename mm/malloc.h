/* SPDX-License-Identifier: MIT */
#ifndef MM_MALLOC_H
#define MM_MALLOC_H

/* Kernel heap: size classes of 16..2048 bytes carved from kernel pages,
   whole pages for larger blocks.  Blocks are magic-checked and poisoned on
   free.  May sleep; never call from an interrupt handler. */

#include <stddef.h>

void malloc_init(void);
void *malloc(size_t) __attribute__((malloc));
void *calloc(size_t, size_t) __attribute__((malloc));
void *realloc(void *, size_t);
void free(void *);

/* Bytes currently allocated (for the leak check). */
size_t malloc_bytes_in_use(void);

#endif
