/* SPDX-License-Identifier: MIT */
/* lib/kernel/hash.c against a reference model.

   The model is an array indexed by key that records which entry (if any)
   the table should hold for that key.  Hundreds of thousands of random
   insert/replace/find/delete operations, in phases that alternately grow
   and shrink the table, are applied to both and every result is compared.
   Periodic full checks walk the table with the iterator and demand the
   model's contents exactly, a power-of-two bucket count and a load factor
   inside the documented bounds. */

#include "tests/unit/unit.h"

#define KEYSPACE 10000
#define MIN_BUCKETS 4

struct entry {
  uint64_t key;
  int slot; /* Which of the key's two entries this is. */
  struct hash_elem elem;
};

static uint64_t
entry_hash(const struct hash_elem *e, void *aux)
{
  return hash_u64(hash_entry(e, struct entry, elem)->key);
}

static bool
entry_less(const struct hash_elem *a, const struct hash_elem *b, void *aux)
{
  return hash_entry(a, struct entry, elem)->key <
         hash_entry(b, struct entry, elem)->key;
}

/* Every key has two entries, so hash_replace always has a spare one. */
static struct entry (*entries)[2];
static struct entry *model[KEYSPACE];
static size_t model_cnt;

static void
setup(void)
{
  size_t k;

  entries = calloc(KEYSPACE, sizeof *entries);
  ck_assert_ptr_nonnull(entries);
  for (k = 0; k < KEYSPACE; k++) {
    entries[k][0].key = entries[k][1].key = k * 0x10001ull;
    entries[k][0].slot = 0;
    entries[k][1].slot = 1;
    model[k] = NULL;
  }
  model_cnt = 0;
}

static void
teardown(void)
{
  free(entries);
}

static bool
is_power_of_2(size_t x)
{
  return x != 0 && (x & (x - 1)) == 0;
}

/* Elements in the chain that starts at E. */
static size_t
chain_len(const struct hash_elem *e)
{
  size_t n = 0;
  for (; e != NULL; e = e->next)
    n++;
  return n;
}

/* The load-factor and bucket-count invariants. */
static void
check_shape(struct hash *h)
{
  ck_assert(is_power_of_2(h->bucket_cnt));
  ck_assert_uint_ge(h->bucket_cnt, MIN_BUCKETS);
  ck_assert_uint_le(h->elem_cnt, 2 * h->bucket_cnt);
  ck_assert(h->bucket_cnt == MIN_BUCKETS ||
            3 * h->elem_cnt >= 2 * h->bucket_cnt);
  ck_assert_uint_eq(hash_size(h), model_cnt);
  ck_assert(hash_empty(h) == (model_cnt == 0));
}

/* Full comparison: the iterator visits exactly the model's entries, once
   each, and the bucket chains hold exactly elem_cnt elements. */
static void
check_contents(struct hash *h)
{
  static bool seen[KEYSPACE];
  struct hash_iterator it;
  size_t visited = 0, linked = 0, b;

  for (b = 0; b < KEYSPACE; b++)
    seen[b] = false;
  hash_first(&it, h);
  ck_assert_ptr_null(hash_cur(&it));
  while (hash_next(&it) != NULL) {
    struct entry *e = hash_entry(hash_cur(&it), struct entry, elem);
    size_t k = e->key / 0x10001ull;
    ck_assert_ptr_eq(model[k], e);
    ck_assert(!seen[k]);
    seen[k] = true;
    visited++;
  }
  ck_assert_ptr_null(hash_cur(&it));
  ck_assert_ptr_null(hash_next(&it));
  ck_assert_uint_eq(visited, model_cnt);
  for (b = 0; b < h->bucket_cnt; b++)
    linked += chain_len(h->buckets[b]);
  ck_assert_uint_eq(linked, model_cnt);
}

static struct hash_elem *
probe(struct hash *h, size_t k,
      struct hash_elem *(*op)(struct hash *, struct hash_elem *))
{
  struct entry key = {.key = k * 0x10001ull};

  return op(h, &key.elem);
}

static struct entry *
spare_entry(size_t k)
{
  return model[k] == &entries[k][0] ? &entries[k][1] : &entries[k][0];
}

/* One random operation on key K, checked against the model: a delete
   with DELETE_PERCENT chance, otherwise insert (60%), replace (15%) or
   find (25%). */
static void
random_op(struct hash *h, uint64_t r, size_t k, int delete_percent)
{
  struct entry *want = model[k], *e = spare_entry(k);
  struct hash_elem *got;
  unsigned pct = (unsigned)(r % 100), sub = (unsigned)((r >> 8) % 100);

  if (pct < (unsigned)delete_percent) {
    got = probe(h, k, hash_delete);
    ck_assert_ptr_eq(got, want != NULL ? &want->elem : NULL);
    model_cnt -= want != NULL;
    model[k] = NULL;
  } else if (sub < 60) {
    got = hash_insert(h, &e->elem);
    ck_assert_ptr_eq(got, want != NULL ? &want->elem : NULL);
    if (want == NULL) {
      model[k] = e;
      model_cnt++;
    }
  } else if (sub < 75) {
    got = hash_replace(h, &e->elem);
    ck_assert_ptr_eq(got, want != NULL ? &want->elem : NULL);
    model_cnt += want == NULL;
    model[k] = e;
  } else {
    got = probe(h, k, hash_find);
    ck_assert_ptr_eq(got, want != NULL ? &want->elem : NULL);
  }
}

START_TEST(test_random_against_model)
{
  /* Phases alternate between growing and shrinking, over the whole key
     space and over a small corner of it, then everything is deleted. */
  static const int delete_percent[] = {10, 97, 30, 90, 10, 60};
  static const size_t key_range[] = {KEYSPACE, KEYSPACE, 300,
                                     300,      KEYSPACE, KEYSPACE};
  uint64_t rng = 20240601;
  struct hash h;
  size_t phase, i, max_buckets = 0, min_after_big = SIZE_MAX;

  ck_assert(hash_init(&h, entry_hash, entry_less, NULL));
  for (phase = 0; phase < 6; phase++) {
    for (i = 0; i < 50000; i++) {
      uint64_t r = unit_rand(&rng);
      random_op(&h, r >> 32, (size_t)(r % key_range[phase]),
                delete_percent[phase]);
      check_shape(&h);
      if (h.bucket_cnt > max_buckets)
        max_buckets = h.bucket_cnt;
      if (max_buckets >= 4096 && h.bucket_cnt < min_after_big)
        min_after_big = h.bucket_cnt;
      if (i % 5000 == 0)
        check_contents(&h);
    }
    check_contents(&h);
  }
  /* Drain: every delete checked, the table shrinks back to its minimum. */
  for (i = 0; i < KEYSPACE; i++) {
    random_op(&h, 0, i, 100);
    check_shape(&h);
  }
  check_contents(&h);
  ck_assert_uint_eq(h.bucket_cnt, MIN_BUCKETS);
  /* Both directions really happened in the random phases. */
  ck_assert_uint_ge(max_buckets, 4096);
  ck_assert_uint_le(min_after_big, 1024);
  hash_destroy(&h, NULL);
}
END_TEST

static int destroyed;

static void
count_destroyed(struct hash_elem *e, void *aux)
{
  int *expected_aux = aux;

  ck_assert_int_eq(*expected_aux, 77);
  hash_entry(e, struct entry, elem)->slot = -1;
  destroyed++;
}

START_TEST(test_apply_clear_destroy)
{
  int aux = 77;
  struct hash h;
  size_t k;

  ck_assert(hash_init(&h, entry_hash, entry_less, &aux));
  for (k = 0; k < 1000; k++)
    ck_assert_ptr_null(hash_insert(&h, &entries[k][0].elem));
  destroyed = 0;
  hash_apply(&h, count_destroyed);
  ck_assert_int_eq(destroyed, 1000);
  ck_assert_uint_eq(hash_size(&h), 1000);

  destroyed = 0;
  hash_clear(&h, count_destroyed);
  ck_assert_int_eq(destroyed, 1000);
  ck_assert(hash_empty(&h));
  ck_assert_uint_eq(h.bucket_cnt, MIN_BUCKETS);
  ck_assert_ptr_null(probe(&h, 5, hash_find));

  /* Still usable after clear; destroy runs the destructor too. */
  for (k = 0; k < 100; k++)
    ck_assert_ptr_null(hash_insert(&h, &entries[k][1].elem));
  destroyed = 0;
  hash_destroy(&h, count_destroyed);
  ck_assert_int_eq(destroyed, 100);
}
END_TEST

/* A hash that does nothing: the raw key, like a careless hash of a page
   address.  The table's own scrambling must still spread the keys. */
static uint64_t
identity_hash(const struct hash_elem *e, void *aux)
{
  return hash_entry(e, struct entry, elem)->key;
}

START_TEST(test_weak_hash_spreads)
{
  enum { N = 4096 };
  struct entry *pages = calloc(N, sizeof *pages);
  struct hash h;
  size_t i, longest = 0;

  ck_assert(hash_init(&h, identity_hash, entry_less, NULL));
  for (i = 0; i < N; i++) {
    pages[i].key = 0x400000 + i * 4096; /* Page-aligned user addresses. */
    ck_assert_ptr_null(hash_insert(&h, &pages[i].elem));
  }
  for (i = 0; i < h.bucket_cnt; i++) {
    size_t len = chain_len(h.buckets[i]);
    longest = len > longest ? len : longest;
  }
  /* Masking the low bits would put all 4096 pages in one bucket. */
  ck_assert_uint_le(longest, 8);
  for (i = 0; i < N; i++)
    ck_assert_ptr_eq(hash_find(&h, &pages[i].elem), &pages[i].elem);
  hash_destroy(&h, NULL);
  free(pages);
}
END_TEST

START_TEST(test_out_of_memory)
{
  struct hash h;
  size_t k, cnt_before;

  unit_malloc_fail_after(0);
  ck_assert(!hash_init(&h, entry_hash, entry_less, NULL));
  unit_malloc_fail_after(-1);

  ck_assert(hash_init(&h, entry_hash, entry_less, NULL));
  unit_malloc_fail_after(0);
  /* No growth possible: inserts still work, chains just get longer. */
  for (k = 0; k < 500; k++)
    ck_assert_ptr_null(hash_insert(&h, &entries[k][0].elem));
  ck_assert_uint_eq(h.bucket_cnt, MIN_BUCKETS);
  for (k = 0; k < 500; k++)
    ck_assert_ptr_eq(probe(&h, k, hash_find), &entries[k][0].elem);
  unit_malloc_fail_after(-1);
  ck_assert_ptr_null(hash_insert(&h, &entries[500][0].elem));
  ck_assert_uint_ge(2 * h.bucket_cnt, 501); /* Caught up in one step. */

  /* Shrinking that cannot allocate keeps the big array. */
  cnt_before = h.bucket_cnt;
  unit_malloc_fail_after(0);
  for (k = 0; k < 490; k++)
    ck_assert_ptr_eq(probe(&h, k, hash_delete), &entries[k][0].elem);
  ck_assert_uint_eq(h.bucket_cnt, cnt_before);
  for (k = 490; k <= 500; k++)
    ck_assert_ptr_eq(probe(&h, k, hash_find), &entries[k][0].elem);
  unit_malloc_fail_after(-1);
  ck_assert_ptr_eq(probe(&h, 490, hash_delete), &entries[490][0].elem);
  ck_assert_uint_le(h.bucket_cnt, 16);
  for (k = 491; k <= 500; k++)
    ck_assert_ptr_eq(probe(&h, k, hash_find), &entries[k][0].elem);
  hash_destroy(&h, NULL);
}
END_TEST

START_TEST(test_hash_functions)
{
  char a[] = "hello world", b[] = "hello worle";
  uint64_t seen[64];
  int i, j;

  ck_assert_uint_eq(hash_bytes(a, sizeof a - 1), hash_string(a));
  ck_assert_uint_ne(hash_string(a), hash_string(b));
  ck_assert_uint_ne(hash_bytes(a, 3), hash_bytes(a, 4));
  ck_assert_uint_eq(hash_int(-5), hash_u64((uint64_t)-5));
  ck_assert_uint_eq(hash_ptr((void *)0x1000), hash_u64(0x1000));
  /* Single-bit inputs give distinct hashes whose top bits differ too. */
  for (i = 0; i < 64; i++) {
    seen[i] = hash_u64(1ull << i);
    for (j = 0; j < i; j++)
      ck_assert_uint_ne(seen[i] >> 48, seen[j] >> 48);
  }
}
END_TEST

static Suite *
hash_suite(void)
{
  Suite *s = suite_create("hash");
  TCase *tc = tcase_create("core");

  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_random_against_model);
  tcase_add_test(tc, test_apply_clear_destroy);
  tcase_add_test(tc, test_weak_hash_spreads);
  tcase_add_test(tc, test_out_of_memory);
  tcase_add_test(tc, test_hash_functions);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  return unit_run(hash_suite());
}
