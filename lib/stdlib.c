/* SPDX-License-Identifier: MIT */
/* atoi, sorting and binary search.

   sort() is a heapsort: O(n log n) even on hostile input, no recursion and
   no scratch memory, which suits both a kernel stack and user programs that
   sort large buffers under memory pressure.  Elements are opaque byte
   blocks swapped in place; the heap is 1-based in the comments below
   (children of i are 2i and 2i+1) and 0-based in the code.  qsort and
   bsearch are thin adapters over sort and binary_search. */

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* See stdlib.h. */
int
atoi(const char *s)
{
  bool negative = false;
  unsigned value = 0;

  while (isspace(*s))
    s++;
  if (*s == '+' || *s == '-')
    negative = *s++ == '-';
  while (isdigit(*s))
    value = value * 10 + (unsigned)(*s++ - '0');
  return (int)(negative ? -value : value);
}

/* An array being sorted. */
struct sort_array {
  unsigned char *base;
  size_t size;
  int (*compare)(const void *, const void *, void *aux);
  void *aux;
};

static unsigned char *
sort_elem(const struct sort_array *a, size_t i)
{
  return a->base + i * a->size;
}

static void
sort_swap(const struct sort_array *a, size_t i, size_t j)
{
  unsigned char *x = sort_elem(a, i), *y = sort_elem(a, j);
  size_t n;

  for (n = a->size; n > 0; n--, x++, y++) {
    unsigned char t = *x;
    *x = *y;
    *y = t;
  }
}

static bool
sort_less(const struct sort_array *a, size_t i, size_t j)
{
  return a->compare(sort_elem(a, i), sort_elem(a, j), a->aux) < 0;
}

/* Move element I down the max-heap of the first CNT elements until both
   its children are no larger. */
static void
sort_sift_down(const struct sort_array *a, size_t i, size_t cnt)
{
  for (;;) {
    size_t child = 2 * i + 1, largest = i;

    if (child < cnt && sort_less(a, largest, child))
      largest = child;
    if (child + 1 < cnt && sort_less(a, largest, child + 1))
      largest = child + 1;
    if (largest == i)
      return;
    sort_swap(a, i, largest);
    i = largest;
  }
}

/* See stdlib.h. */
void
sort(void *array, size_t cnt, size_t size,
     int (*compare)(const void *, const void *, void *aux), void *aux)
{
  struct sort_array a = {array, size, compare, aux};
  size_t i;

  /* Build a max-heap, then repeatedly move its top behind it. */
  for (i = cnt / 2; i-- > 0;)
    sort_sift_down(&a, i, cnt);
  for (i = cnt; i-- > 1;) {
    sort_swap(&a, 0, i);
    sort_sift_down(&a, 0, i);
  }
}

/* Adapts a two-argument comparison function to sort's three. */
static int
compare_no_aux(const void *a, const void *b, void *aux)
{
  int (**compare)(const void *, const void *) = aux;

  return (*compare)(a, b);
}

/* See stdlib.h. */
void
qsort(void *array, size_t cnt, size_t size,
      int (*compare)(const void *, const void *))
{
  sort(array, cnt, size, compare_no_aux, &compare);
}

/* See stdlib.h. */
void *
binary_search(const void *key, const void *array, size_t cnt, size_t size,
              int (*compare)(const void *, const void *, void *aux), void *aux)
{
  const unsigned char *base = array;

  /* Invariant: a match, if any, is among the CNT elements at BASE. */
  while (cnt > 0) {
    const unsigned char *middle = base + (cnt / 2) * size;
    int cmp = compare(key, middle, aux);

    if (cmp == 0)
      return (void *)middle;
    if (cmp > 0) {
      base = middle + size;
      cnt -= cnt / 2 + 1;
    } else {
      cnt /= 2;
    }
  }
  return NULL;
}

/* See stdlib.h. */
void *
bsearch(const void *key, const void *array, size_t cnt, size_t size,
        int (*compare)(const void *, const void *))
{
  return binary_search(key, array, cnt, size, compare_no_aux, &compare);
}
