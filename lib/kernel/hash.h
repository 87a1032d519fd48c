/* SPDX-License-Identifier: MIT */
#ifndef LIB_KERNEL_HASH_H
#define LIB_KERNEL_HASH_H

/* Intrusive chained hash table: the core of the supplemental page table.

   Like a list element, a struct hash_elem lives inside the structure being
   stored (a struct page, say) and hash_entry() gets the structure back.
   The table never allocates per element, only its bucket array.

        struct hash
        +-----------+     buckets[0]  NULL                          (empty)
        | buckets --+---> buckets[1]  -> e7 -> e2 -> NULL
        | bucket_cnt|     ...
        | elem_cnt  |     buckets[bucket_cnt - 1]  -> e5 -> NULL
        +-----------+

   Each bucket is a singly linked chain of the elements whose hash selects
   it: one pointer per bucket and one per element, because the table's
   share of every resident page counts (docs/benchmarks.md, metadata).
   bucket_cnt is always a power of two; the table doubles it when there
   are more than two elements per bucket and shrinks it when there are
   fewer than one per two buckets, so a chain holds one or two elements on
   average.  If the memory for resizing is missing, the table simply keeps
   its old size and stays correct.

   The caller supplies two functions over elements: HASH, and LESS, an
   ordering.  Two elements are equal when neither is less than the other,
   and equal elements must hash alike.  An element may be in one table at a
   time and its key must not change while it is in it.  Tables do no
   locking; their owners do. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hash_elem {
  struct hash_elem *next; /* Next in its bucket's chain, or NULL. */
};

/* The STRUCT that contains hash element HASH_ELEM as its field MEMBER. */
#define hash_entry(HASH_ELEM, STRUCT, MEMBER)                                  \
  ((STRUCT *)((uint8_t *)(1 ? (HASH_ELEM) : (struct hash_elem *)0) -           \
              offsetof(STRUCT, MEMBER)))

/* Hash value of element E, given the table's AUX. */
typedef uint64_t hash_hash_func(const struct hash_elem *e, void *aux);

/* True if A sorts before B, given the table's AUX. */
typedef bool hash_less_func(const struct hash_elem *a,
                            const struct hash_elem *b, void *aux);

/* Work on element E, given the table's AUX. */
typedef void hash_action_func(struct hash_elem *e, void *aux);
/* A predicate on an element, with a caller's argument. */
typedef bool hash_match_func(struct hash_elem *e, void *arg);

struct hash {
  size_t elem_cnt;            /* Number of elements. */
  size_t bucket_cnt;          /* Number of buckets, a power of two. */
  struct hash_elem **buckets; /* Array of bucket_cnt chain heads. */
  hash_hash_func *hash;       /* Hash function. */
  hash_less_func *less;       /* Ordering that defines equality. */
  void *aux;                  /* Passed to hash and less. */
};

/* Position of an iteration (see hash_first). */
struct hash_iterator {
  struct hash *hash;         /* The table. */
  struct hash_elem **bucket; /* Bucket of ELEM. */
  struct hash_elem *elem;    /* Current element, NULL before/after. */
};

bool hash_init(struct hash *h, hash_hash_func *hash, hash_less_func *less,
               void *aux);
void hash_clear(struct hash *h, hash_action_func *destructor);
void hash_destroy(struct hash *h, hash_action_func *destructor);

struct hash_elem *hash_insert(struct hash *h, struct hash_elem *new);
struct hash_elem *hash_replace(struct hash *h, struct hash_elem *new);
struct hash_elem *hash_find(struct hash *h, struct hash_elem *e);
struct hash_elem *hash_delete(struct hash *h, struct hash_elem *e);
size_t hash_delete_if(struct hash *h, hash_match_func *match,
                      hash_action_func *destructor, void *arg);

void hash_apply(struct hash *h, hash_action_func *action);
void hash_first(struct hash_iterator *i, struct hash *h);
struct hash_elem *hash_next(struct hash_iterator *i);
struct hash_elem *hash_cur(struct hash_iterator *i);

size_t hash_size(struct hash *h);
bool hash_empty(struct hash *h);

/* Hash functions for keys.  All mix every input bit into every output bit
   well enough that any subset of the result bits makes a good index. */
uint64_t hash_bytes(const void *buf, size_t size);
uint64_t hash_string(const char *s);

/* Hash of the 64-bit integer X: a multiply between two xor-shifts.
   Inline because it sits on the page-fault path. */
static inline uint64_t
hash_u64(uint64_t x)
{
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ull;
  x ^= x >> 32;
  return x;
}

/* Hash of the int I. */
static inline uint64_t
hash_int(int i)
{
  return hash_u64((uint64_t)(int64_t)i);
}

/* Hash of the pointer value P (e.g. a page-aligned user address). */
static inline uint64_t
hash_ptr(const void *p)
{
  return hash_u64((uint64_t)(uintptr_t)p);
}

#endif
