/* SPDX-License-Identifier: MIT */
/* Chained hash table with power-of-two bucket arrays (see hash.h).

   Three ideas keep it fast and small without changing the textbook shape:

   - Chains are singly linked, and the walk keeps the address of the link
     that points at the current element (find_elem returns it), so removal
     is one store and no element needs a back pointer.  An element is one
     pointer, a bucket is one pointer.

   - The bucket is chosen from the top bits of the hash times a 64-bit odd
     constant (Fibonacci hashing).  The multiply carries every input bit
     upwards, so even a poor HASH, such as a raw page-aligned address whose
     low 12 bits are always zero, spreads over all buckets.

   - The load factor stays between 2/3 and 2 elements per bucket: insert
     doubles the array when it passes 2, delete shrinks it to fit when it
     drops below 2/3 (a bucket is 8 bytes, so an element's share of the
     array stays at most 12: the VM's per-page budget counts it).  The gap
     between the two limits means a table that hovers at one size is not
     resized back and forth. */

#include "hash.h"

#include <debug.h>

#include "threads/malloc.h"

#define MIN_BUCKETS 4 /* Smallest (and initial) bucket count. */
#define MAX_LOAD 2    /* Elements per bucket before the array doubles. */
#define FIB_MULTIPLIER 0x9e3779b97f4a7c15ull /* 2^64 / golden ratio. */

static bool
is_power_of_2(size_t x)
{
  return x != 0 && (x & (x - 1)) == 0;
}

/* Index among BUCKET_CNT buckets of an element with hash HASH. */
static size_t
bucket_index(uint64_t hash, size_t bucket_cnt)
{
  unsigned shift = 64 - __builtin_ctzll(bucket_cnt);

  return (size_t)((hash * FIB_MULTIPLIER) >> shift);
}

/* The bucket of H that an element E belongs in. */
static struct hash_elem **
find_bucket(const struct hash *h, const struct hash_elem *e)
{
  return &h->buckets[bucket_index(h->hash(e, h->aux), h->bucket_cnt)];
}

/* Allocate an array of CNT empty buckets, or return NULL. */
static struct hash_elem **
buckets_alloc(size_t cnt)
{
  struct hash_elem **buckets;

  if (cnt > SIZE_MAX / sizeof *buckets)
    return NULL;
  buckets = malloc(cnt * sizeof *buckets);
  if (buckets == NULL)
    return NULL;
  for (size_t i = 0; i < cnt; i++)
    buckets[i] = NULL;
  return buckets;
}

/* Move every element of H into a new array of NEW_CNT buckets.  If that
   array cannot be allocated, H is left exactly as it was. */
static void
rehash(struct hash *h, size_t new_cnt)
{
  struct hash_elem **old = h->buckets, **new = buckets_alloc(new_cnt);

  ASSERT(is_power_of_2(new_cnt));
  if (new == NULL)
    return;
  for (size_t i = 0; i < h->bucket_cnt; i++) {
    struct hash_elem *e = old[i], *next;
    for (; e != NULL; e = next) {
      struct hash_elem **bucket =
          &new[bucket_index(h->hash(e, h->aux), new_cnt)];
      next = e->next;
      e->next = *bucket;
      *bucket = e;
    }
  }
  free(old);
  h->buckets = new;
  h->bucket_cnt = new_cnt;
}

/* Smallest power of two, at least MIN_BUCKETS, with CNT elements at most
   MAX_LOAD per bucket. */
static size_t
fitting_bucket_cnt(size_t cnt)
{
  size_t b = MIN_BUCKETS;

  while (b * MAX_LOAD < cnt && b <= SIZE_MAX / (2 * MAX_LOAD))
    b *= 2;
  return b;
}

/* Grow or shrink H if its load factor left [2/3, MAX_LOAD]. */
static void
resize_if_needed(struct hash *h)
{
  /* Sized to fit rather than doubled, to catch up in one step after
     earlier growth failed for lack of memory. */
  if (h->elem_cnt > h->bucket_cnt * MAX_LOAD)
    rehash(h, fitting_bucket_cnt(h->elem_cnt));
  else if (h->bucket_cnt > MIN_BUCKETS && 3 * h->elem_cnt < 2 * h->bucket_cnt)
    rehash(h, fitting_bucket_cnt(h->elem_cnt));
}

/* The link in BUCKET's chain that points at the element equal to KEY, or
   the chain's final NULL link if there is none.  Either way the place to
   remove the element from, or to link a new one at. */
static struct hash_elem **
find_elem(const struct hash *h, struct hash_elem **bucket,
          const struct hash_elem *key)
{
  struct hash_elem **link = bucket;

  for (; *link != NULL; link = &(*link)->next)
    if (!h->less(*link, key, h->aux) && !h->less(key, *link, h->aux))
      break;
  return link;
}

/* Link NEW at the front of BUCKET of H and count it. */
static void
insert_elem(struct hash *h, struct hash_elem **bucket, struct hash_elem *new)
{
  new->next = *bucket;
  *bucket = new;
  h->elem_cnt++;
}

/* Initialise H as an empty table using HASH and LESS, both called with
   AUX.  Returns false if the bucket array cannot be allocated.  May sleep
   (kernel malloc). */
bool
hash_init(struct hash *h, hash_hash_func *hash, hash_less_func *less, void *aux)
{
  ASSERT(h != NULL && hash != NULL && less != NULL);
  h->buckets = buckets_alloc(MIN_BUCKETS);
  if (h->buckets == NULL)
    return false;
  h->elem_cnt = 0;
  h->bucket_cnt = MIN_BUCKETS;
  h->hash = hash;
  h->less = less;
  h->aux = aux;
  return true;
}

/* Remove every element, calling DESTRUCTOR (if not NULL) on each after it
   is unlinked, so the destructor may free it.  The destructor must not
   touch H. */
static void
clear_elements(struct hash *h, hash_action_func *destructor)
{
  for (size_t i = 0; i < h->bucket_cnt; i++) {
    while (h->buckets[i] != NULL) {
      struct hash_elem *e = h->buckets[i];
      h->buckets[i] = e->next;
      if (destructor != NULL)
        destructor(e, h->aux);
    }
  }
  h->elem_cnt = 0;
}

/* Remove every element of H, passing each to DESTRUCTOR (if not NULL)
   once it is out of the table; the destructor may free the element but
   must not use H.  H stays usable, shrunk to its initial size if memory
   allows. */
void
hash_clear(struct hash *h, hash_action_func *destructor)
{
  clear_elements(h, destructor);
  if (h->bucket_cnt > MIN_BUCKETS)
    rehash(h, MIN_BUCKETS);
}

/* Remove every element of H for which MATCH (called with ARG) is true,
   passing each to DESTRUCTOR (called with ARG) once it is out of the
   table; the destructor may free it but must not use H.  One pass over
   the table, then at most one resize.  Returns the number removed. */
size_t
hash_delete_if(struct hash *h, hash_match_func *match,
               hash_action_func *destructor, void *arg)
{
  size_t removed = 0;

  for (size_t i = 0; i < h->bucket_cnt; i++) {
    struct hash_elem **link = &h->buckets[i];
    while (*link != NULL) {
      struct hash_elem *e = *link;
      if (!match(e, arg)) {
        link = &e->next;
        continue;
      }
      *link = e->next;
      h->elem_cnt--;
      removed++;
      destructor(e, arg);
    }
  }
  resize_if_needed(h);
  return removed;
}

/* Like hash_clear, then free H's bucket array.  H must be initialised
   again before further use. */
void
hash_destroy(struct hash *h, hash_action_func *destructor)
{
  clear_elements(h, destructor);
  free(h->buckets);
  h->buckets = NULL;
  h->bucket_cnt = 0;
}

/* Insert NEW into H unless an equal element is there already.  Returns
   that existing element (NEW is then not inserted), or NULL on success.
   Never fails for lack of memory. */
struct hash_elem *
hash_insert(struct hash *h, struct hash_elem *new)
{
  struct hash_elem **bucket = find_bucket(h, new);
  struct hash_elem **link = find_elem(h, bucket, new);

  if (*link != NULL)
    return *link;
  insert_elem(h, bucket, new);
  resize_if_needed(h);
  return NULL;
}

/* Insert NEW into H, replacing an equal element if there is one.  Returns
   the replaced element (now out of the table) or NULL. */
struct hash_elem *
hash_replace(struct hash *h, struct hash_elem *new)
{
  struct hash_elem **bucket = find_bucket(h, new);
  struct hash_elem **link = find_elem(h, bucket, new);
  struct hash_elem *old = *link;

  if (old != NULL) {
    new->next = old->next;
    *link = new;
    return old;
  }
  insert_elem(h, bucket, new);
  resize_if_needed(h);
  return NULL;
}

/* The element of H equal to E, or NULL.  E need not be in the table: a
   stack-allocated structure with just the key set is the usual probe. */
struct hash_elem *
hash_find(struct hash *h, struct hash_elem *e)
{
  return *find_elem(h, find_bucket(h, e), e);
}

/* Remove the element of H equal to E and return it, or return NULL if
   there is none.  The caller owns (and may free) the returned element. */
struct hash_elem *
hash_delete(struct hash *h, struct hash_elem *e)
{
  struct hash_elem **link = find_elem(h, find_bucket(h, e), e);
  struct hash_elem *found = *link;

  if (found == NULL)
    return NULL;
  *link = found->next;
  h->elem_cnt--;
  resize_if_needed(h);
  return found;
}

/* Call ACTION on every element of H in an unspecified order.  ACTION must
   not insert into or delete from H. */
void
hash_apply(struct hash *h, hash_action_func *action)
{
  ASSERT(action != NULL);
  for (size_t i = 0; i < h->bucket_cnt; i++)
    for (struct hash_elem *e = h->buckets[i]; e != NULL; e = e->next)
      action(e, h->aux);
}

/* Start iterating over H:

        struct hash_iterator i;
        hash_first(&i, h);
        while (hash_next(&i) != NULL)
          use(hash_entry(hash_cur(&i), struct foo, elem));

   Any insertion, deletion or clear invalidates the iterator. */
void
hash_first(struct hash_iterator *i, struct hash *h)
{
  ASSERT(i != NULL && h != NULL);
  i->hash = h;
  i->bucket = h->buckets;
  i->elem = NULL;
}

/* Advance I to the next element and return it, or NULL once every element
   has been visited (and from then on). */
struct hash_elem *
hash_next(struct hash_iterator *i)
{
  struct hash_elem **end = i->hash->buckets + i->hash->bucket_cnt;

  if (i->bucket == end)
    return NULL;
  struct hash_elem *e = i->elem == NULL ? *i->bucket : i->elem->next;
  while (e == NULL) {
    if (++i->bucket == end) {
      i->elem = NULL;
      return NULL;
    }
    e = *i->bucket;
  }
  i->elem = e;
  return e;
}

/* The element I is at: NULL before the first hash_next and after the
   last. */
struct hash_elem *
hash_cur(struct hash_iterator *i)
{
  return i->elem;
}

/* Number of elements in H. */
size_t
hash_size(struct hash *h)
{
  return h->elem_cnt;
}

/* True if H has no elements. */
bool
hash_empty(struct hash *h)
{
  return h->elem_cnt == 0;
}

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

/* Hash of the SIZE bytes at BUF: 64-bit FNV-1a, whose weak high-to-low
   diffusion is fixed by a final hash_u64 mix. */
uint64_t
hash_bytes(const void *buf, size_t size)
{
  const uint8_t *p = buf;
  uint64_t h = FNV_OFFSET;

  ASSERT(buf != NULL || size == 0);
  for (; size > 0; size--)
    h = (h ^ *p++) * FNV_PRIME;
  return hash_u64(h);
}

/* Hash of the NUL-terminated string S (not counting the NUL). */
uint64_t
hash_string(const char *s)
{
  uint64_t h = FNV_OFFSET;

  ASSERT(s != NULL);
  for (; *s != '\0'; s++)
    h = (h ^ (uint8_t)*s) * FNV_PRIME;
  return hash_u64(h);
}
