/* SPDX-License-Identifier: MIT */
#ifndef LIB_KERNEL_LIST_H
#define LIB_KERNEL_LIST_H

/* Intrusive doubly linked lists.

   A list element lives inside the structure it links, so putting a thread,
   page or frame on a list never allocates.  list_entry() gets back from
   the element to its structure.  Every list has two sentinel elements,
   HEAD before the first element and TAIL after the last, so insertion and
   removal never test for an edge:

        HEAD <-> e1 <-> e2 <-> ... <-> en <-> TAIL
        list_begin = e1 (= TAIL when empty), list_end = TAIL
        list_rbegin = en (= HEAD when empty), list_rend = HEAD

   Iterate like this:

        for (e = list_begin(&l); e != list_end(&l); e = list_next(e))
          use(list_entry(e, struct foo, elem));

   An element must be on at most one list through one list_elem at a time.
   Lists do no locking; their owners do. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <debug.h>

struct list_elem {
  struct list_elem *prev; /* Previous element (NULL in HEAD). */
  struct list_elem *next; /* Next element (NULL in TAIL). */
};

struct list {
  struct list_elem head; /* Sentinel before the first element. */
  struct list_elem tail; /* Sentinel after the last element. */
};

/* The STRUCT that contains list element LIST_ELEM as its field MEMBER.
   The conditional makes the compiler check that LIST_ELEM really is a
   struct list_elem pointer. */
#define list_entry(LIST_ELEM, STRUCT, MEMBER)                                  \
  ((STRUCT *)((uint8_t *)(1 ? (LIST_ELEM) : (struct list_elem *)0) -           \
              offsetof(STRUCT, MEMBER)))

/* Static initialiser: struct list l = LIST_INITIALIZER(l); */
#define LIST_INITIALIZER(NAME)                                                 \
  {                                                                            \
    {NULL, &(NAME).tail},                                                      \
    {                                                                          \
      &(NAME).head, NULL                                                       \
    }                                                                          \
  }

/* Returns true if A sorts before B, given auxiliary data AUX. */
typedef bool list_less_func(const struct list_elem *a,
                            const struct list_elem *b, void *aux);

void list_init(struct list *list);

/* Traversal. */
struct list_elem *list_rbegin(struct list *list);
struct list_elem *list_prev(struct list_elem *elem);
struct list_elem *list_rend(struct list *list);
struct list_elem *list_head(struct list *list);
struct list_elem *list_tail(struct list *list);

/* Insertion. */
void list_splice(struct list_elem *before, struct list_elem *first,
                 struct list_elem *last);

/* Removal. */
struct list_elem *list_pop_front(struct list *list);
struct list_elem *list_pop_back(struct list *list);

/* Elements. */
struct list_elem *list_front(struct list *list);
struct list_elem *list_back(struct list *list);

/* Properties. */
size_t list_size(struct list *list);

/* Miscellaneous. */
void list_reverse(struct list *list);

/* Operations on lists ordered by a list_less_func. */
void list_sort(struct list *list, list_less_func *less, void *aux);
void list_insert_ordered(struct list *list, struct list_elem *elem,
                         list_less_func *less, void *aux);
void list_unique(struct list *list, struct list *duplicates,
                 list_less_func *less, void *aux);
struct list_elem *list_max(struct list *list, list_less_func *less, void *aux);
struct list_elem *list_min(struct list *list, list_less_func *less, void *aux);

/* The primitives every walk, insertion and removal uses are inline: they
   are a few pointer moves, and in the kernel they run under locks and on
   the fault path.  Their assertions catch walking off either end (the
   sentinels have a NULL link: HEAD no prev, TAIL no next). */

/* First element of LIST, or list_end(LIST) if it is empty. */
static inline struct list_elem *
list_begin(struct list *list)
{
  ASSERT(list != NULL);
  return list->head.next;
}

/* Element after ELEM (list_end if ELEM is the last).  ELEM must be the
   head or an interior element. */
static inline struct list_elem *
list_next(struct list_elem *elem)
{
  ASSERT(elem != NULL && elem->next != NULL);
  return elem->next;
}

/* LIST's tail sentinel: the end of a forward walk. */
static inline struct list_elem *
list_end(struct list *list)
{
  ASSERT(list != NULL);
  return &list->tail;
}

/* True if LIST has no elements. */
static inline bool
list_empty(struct list *list)
{
  return list_begin(list) == list_end(list);
}

/* Insert ELEM just before BEFORE, which may be an interior element or a
   tail (inserting before the tail appends).  ELEM must not be on a list. */
static inline void
list_insert(struct list_elem *before, struct list_elem *elem)
{
  ASSERT(before != NULL && before->prev != NULL && elem != NULL);
  elem->prev = before->prev;
  elem->next = before;
  before->prev->next = elem;
  before->prev = elem;
}

/* Insert ELEM at the front of LIST. */
static inline void
list_push_front(struct list *list, struct list_elem *elem)
{
  list_insert(list_begin(list), elem);
}

/* Insert ELEM at the back of LIST. */
static inline void
list_push_back(struct list *list, struct list_elem *elem)
{
  list_insert(list_end(list), elem);
}

/* Unlink interior element ELEM from its list and return the element that
   followed it.  ELEM's own links are left stale: it is no longer on any
   list, and must not be removed again until re-inserted.  To remove while
   iterating, continue from the returned element:

        for (e = list_begin(&l); e != list_end(&l);)
          e = should_go(e) ? list_remove(e) : list_next(e); */
static inline struct list_elem *
list_remove(struct list_elem *elem)
{
  ASSERT(elem != NULL && elem->prev != NULL && elem->next != NULL);
  elem->prev->next = elem->next;
  elem->next->prev = elem->prev;
  return elem->next;
}

#endif
