/* SPDX-License-Identifier: MIT */
/* Intrusive doubly linked lists with head and tail sentinels (see list.h
   for the picture).

   Because both ends are sentinels, every real element has a real
   predecessor and successor, so insert and remove are four pointer writes
   with no special cases.  The sentinels are told apart by their NULL link:
   HEAD has no prev, TAIL has no next.  The assertions use this to catch
   the classic misuse of walking off either end.

   list_sort is a natural merge sort: it repeatedly merges neighbouring
   ascending runs in place, so it needs no memory, is stable, and costs
   O(n) on a list that is already sorted. */

#include "list.h"

#include <debug.h>

static bool
is_interior(const struct list_elem *e)
{
  return e != NULL && e->prev != NULL && e->next != NULL;
}

static bool
is_tail(const struct list_elem *e)
{
  return e != NULL && e->prev != NULL && e->next == NULL;
}

/* Make LIST empty.  Any elements it held are forgotten, not touched. */
void
list_init(struct list *list)
{
  ASSERT(list != NULL);
  list->head.prev = NULL;
  list->head.next = &list->tail;
  list->tail.prev = &list->head;
  list->tail.next = NULL;
}

/* Last element of LIST, or list_rend(LIST) if it is empty. */
struct list_elem *
list_rbegin(struct list *list)
{
  ASSERT(list != NULL);
  return list->tail.prev;
}

/* Element before ELEM (list_rend if ELEM is the first).  ELEM must be an
   interior element or the tail. */
struct list_elem *
list_prev(struct list_elem *elem)
{
  ASSERT(is_interior(elem) || is_tail(elem));
  return elem->prev;
}

/* LIST's head sentinel: the end of a backward walk. */
struct list_elem *
list_rend(struct list *list)
{
  ASSERT(list != NULL);
  return &list->head;
}

/* LIST's head sentinel, e.g. as the start of an ordered scan that may
   need to insert at the very front. */
struct list_elem *
list_head(struct list *list)
{
  ASSERT(list != NULL);
  return &list->head;
}

/* LIST's tail sentinel. */
struct list_elem *
list_tail(struct list *list)
{
  ASSERT(list != NULL);
  return &list->tail;
}

/* Move the elements FIRST up to but not including LAST out of their list
   and insert them, in order, just before BEFORE (which may be on another
   list, but not inside the moved range).  FIRST == LAST moves nothing. */
void
list_splice(struct list_elem *before, struct list_elem *first,
            struct list_elem *last)
{
  struct list_elem *final;

  ASSERT(is_interior(before) || is_tail(before));
  if (first == last)
    return;
  final = list_prev(last);
  ASSERT(is_interior(first));
  ASSERT(is_interior(final));

  /* Unlink FIRST..FINAL from where they are... */
  first->prev->next = last;
  last->prev = first->prev;

  /* ...and link them in before BEFORE. */
  first->prev = before->prev;
  final->next = before;
  before->prev->next = first;
  before->prev = final;
}

/* Remove and return the first element of LIST, which must not be empty. */
struct list_elem *
list_pop_front(struct list *list)
{
  struct list_elem *front = list_front(list);

  list_remove(front);
  return front;
}

/* Remove and return the last element of LIST, which must not be empty. */
struct list_elem *
list_pop_back(struct list *list)
{
  struct list_elem *back = list_back(list);

  list_remove(back);
  return back;
}

/* First element of LIST, which must not be empty. */
struct list_elem *
list_front(struct list *list)
{
  ASSERT(!list_empty(list));
  return list->head.next;
}

/* Last element of LIST, which must not be empty. */
struct list_elem *
list_back(struct list *list)
{
  ASSERT(!list_empty(list));
  return list->tail.prev;
}

/* Number of elements in LIST.  O(n): lists keep no count. */
size_t
list_size(struct list *list)
{
  struct list_elem *e;
  size_t cnt = 0;

  for (e = list_begin(list); e != list_end(list); e = list_next(e))
    cnt++;
  return cnt;
}

static void
swap_links(struct list_elem **a, struct list_elem **b)
{
  struct list_elem *t = *a;

  *a = *b;
  *b = t;
}

/* Reverse the order of LIST's elements in place. */
void
list_reverse(struct list *list)
{
  struct list_elem *e;

  if (list_empty(list))
    return;
  /* Flip each interior element's links, then re-anchor the sentinels. */
  for (e = list_begin(list); e != list_end(list); e = e->prev)
    swap_links(&e->prev, &e->next);
  swap_links(&list->head.next, &list->tail.prev);
  list->head.next->prev = &list->head;
  list->tail.prev->next = &list->tail;
}

/* End of the ascending run that starts at FIRST (which must not be END):
   the first element that sorts before its predecessor, or END. */
static struct list_elem *
run_end(struct list_elem *first, struct list_elem *end, list_less_func *less,
        void *aux)
{
  struct list_elem *prev = first, *e = list_next(first);

  for (; e != end && !less(e, prev, aux); e = list_next(e))
    prev = e;
  return e;
}

/* Merge the adjacent sorted runs [A, MIDDLE) and [MIDDLE, LAST) in place.
   Elements of the second run move in front of strictly greater elements of
   the first, which keeps the merge stable. */
static void
merge_runs(struct list_elem *a, struct list_elem *middle,
           struct list_elem *last, list_less_func *less, void *aux)
{
  struct list_elem *b = middle;

  while (a != b && b != last) {
    if (less(b, a, aux)) {
      struct list_elem *next = list_next(b);
      list_splice(a, b, next);
      b = next;
    } else {
      a = list_next(a);
    }
  }
}

/* Sort LIST by LESS (with AUX), stably, in O(n log n) time and no extra
   memory. */
void
list_sort(struct list *list, list_less_func *less, void *aux)
{
  size_t runs;

  ASSERT(less != NULL);
  do {
    struct list_elem *a = list_begin(list);

    /* One pass: merge runs pairwise from the front. */
    for (runs = 0; a != list_end(list); runs++) {
      struct list_elem *middle = run_end(a, list_end(list), less, aux);
      struct list_elem *last;

      if (middle == list_end(list)) {
        runs++;
        break;
      }
      last = run_end(middle, list_end(list), less, aux);
      merge_runs(a, middle, last, less, aux);
      a = last;
    }
  } while (runs > 1);
}

/* Insert ELEM into LIST, which must be sorted by LESS, keeping it sorted;
   ELEM goes after any elements equal to it.  O(n). */
void
list_insert_ordered(struct list *list, struct list_elem *elem,
                    list_less_func *less, void *aux)
{
  struct list_elem *e;

  ASSERT(elem != NULL && less != NULL);
  for (e = list_begin(list); e != list_end(list); e = list_next(e))
    if (less(elem, e, aux))
      break;
  list_insert(e, elem);
}

/* Remove from the sorted LIST every element equal (by LESS) to the one
   before it.  Removed elements are appended to DUPLICATES unless it is
   NULL, in which case the caller must already hold another reference to
   them. */
void
list_unique(struct list *list, struct list *duplicates, list_less_func *less,
            void *aux)
{
  struct list_elem *kept, *e;

  ASSERT(less != NULL);
  if (list_empty(list))
    return;
  kept = list_begin(list);
  for (e = list_next(kept); e != list_end(list);) {
    if (!less(kept, e, aux) && !less(e, kept, aux)) {
      struct list_elem *next = list_remove(e);
      if (duplicates != NULL)
        list_push_back(duplicates, e);
      e = next;
    } else {
      kept = e;
      e = list_next(e);
    }
  }
}

/* The first element of LIST with the largest value by LESS, or
   list_end(LIST) if it is empty. */
struct list_elem *
list_max(struct list *list, list_less_func *less, void *aux)
{
  struct list_elem *best = list_begin(list), *e;

  if (best == list_end(list))
    return best;
  for (e = list_next(best); e != list_end(list); e = list_next(e))
    if (less(best, e, aux))
      best = e;
  return best;
}

/* The first element of LIST with the smallest value by LESS, or
   list_end(LIST) if it is empty. */
struct list_elem *
list_min(struct list *list, list_less_func *less, void *aux)
{
  struct list_elem *best = list_begin(list), *e;

  if (best == list_end(list))
    return best;
  for (e = list_next(best); e != list_end(list); e = list_next(e))
    if (less(e, best, aux))
      best = e;
  return best;
}
