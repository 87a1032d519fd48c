/* SPDX-License-Identifier: MIT */
#ifndef LIB_STDLIB_H
#define LIB_STDLIB_H

/* Conversions, sorting and searching.  sort and binary_search are the
   Pintos extensions of qsort and bsearch that pass AUX to the comparison
   function.  Memory allocation is not here: the kernel's is in
   threads/malloc.h, and user programs have none. */

#include <stddef.h>

/* Decimal value of S after optional white space and sign; stops at the
   first non-digit.  Overflow wraps. */
int atoi(const char *s);

/* Sort CNT elements of SIZE bytes at ARRAY in ascending order of COMPARE
   (<0, 0, >0 like strcmp).  Not stable; O(CNT log CNT) in the worst case
   and no extra memory. */
void qsort(void *array, size_t cnt, size_t size,
           int (*compare)(const void *, const void *));
void sort(void *array, size_t cnt, size_t size,
          int (*compare)(const void *, const void *, void *aux), void *aux);

/* Find an element equal to KEY in ARRAY, which holds CNT elements of SIZE
   bytes sorted by COMPARE; COMPARE gets KEY first.  Returns the element or
   NULL. */
void *bsearch(const void *key, const void *array, size_t cnt, size_t size,
              int (*compare)(const void *, const void *));
void *binary_search(const void *key, const void *array, size_t cnt, size_t size,
                    int (*compare)(const void *, const void *, void *aux),
                    void *aux);

#endif
