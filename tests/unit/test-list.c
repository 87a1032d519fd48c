/* SPDX-License-Identifier: MIT */
/* lib/kernel/list.c against plain arrays: each operation is applied to a
   list and to an array model, then the list is read back and compared. */

#include <signal.h>

#include "tests/unit/unit.h"

struct item {
  int key; /* Sort key. */
  int seq; /* Creation order, to check stability. */
  struct list_elem elem;
};

static bool
item_less(const struct list_elem *a, const struct list_elem *b, void *aux)
{
  int *calls = aux;

  if (calls != NULL)
    (*calls)++;
  return list_entry(a, struct item, elem)->key <
         list_entry(b, struct item, elem)->key;
}

static int
key_at(struct list_elem *e)
{
  return list_entry(e, struct item, elem)->key;
}

/* Check that L holds exactly the keys KEYS[0..N) in order, walking both
   forward and backward. */
static void
check_keys(struct list *l, const int *keys, size_t n)
{
  struct list_elem *e;
  size_t i = 0;

  for (e = list_begin(l); e != list_end(l); e = list_next(e)) {
    ck_assert_uint_lt(i, n);
    ck_assert_int_eq(key_at(e), keys[i++]);
  }
  ck_assert_uint_eq(i, n);
  for (e = list_rbegin(l); e != list_rend(l); e = list_prev(e))
    ck_assert_int_eq(key_at(e), keys[--i]);
  ck_assert_uint_eq(list_size(l), n);
  ck_assert(list_empty(l) == (n == 0));
}

static struct item *
make_items(size_t n, uint64_t seed, int range)
{
  struct item *items = calloc(n + 1, sizeof *items);
  size_t i;

  for (i = 0; i < n; i++) {
    items[i].key = (int)(unit_rand(&seed) % (uint64_t)range);
    items[i].seq = (int)i;
  }
  return items;
}

START_TEST(test_push_pop_front_back)
{
  struct item it[6];
  struct list l;
  int want[6], i;

  list_init(&l);
  check_keys(&l, NULL, 0);
  for (i = 0; i < 6; i++)
    it[i].key = i;
  /* Build 4 2 0 1 3 5. */
  for (i = 0; i < 6; i++) {
    if (i % 2 == 0)
      list_push_front(&l, &it[i].elem);
    else
      list_push_back(&l, &it[i].elem);
  }
  int built[] = {4, 2, 0, 1, 3, 5};
  check_keys(&l, built, 6);
  ck_assert_int_eq(key_at(list_front(&l)), 4);
  ck_assert_int_eq(key_at(list_back(&l)), 5);
  ck_assert_ptr_eq(list_pop_front(&l), &it[4].elem);
  ck_assert_ptr_eq(list_pop_back(&l), &it[5].elem);
  for (i = 0; i < 4; i++)
    want[i] = built[i + 1];
  check_keys(&l, want, 4);
  ck_assert_ptr_eq(list_head(&l)->next, list_begin(&l));
  ck_assert_ptr_eq(list_tail(&l), list_end(&l));
}
END_TEST

START_TEST(test_remove_while_iterating)
{
  struct item it[20];
  struct list l;
  struct list_elem *e;
  int want[10], i;

  list_init(&l);
  for (i = 0; i < 20; i++) {
    it[i].key = i;
    list_push_back(&l, &it[i].elem);
  }
  for (e = list_begin(&l); e != list_end(&l);)
    e = key_at(e) % 2 ? list_remove(e) : list_next(e);
  for (i = 0; i < 10; i++)
    want[i] = 2 * i;
  check_keys(&l, want, 10);
}
END_TEST

START_TEST(test_insert_and_splice)
{
  struct item it[10];
  struct list a, b;
  int i;

  list_init(&a);
  list_init(&b);
  for (i = 0; i < 10; i++) {
    it[i].key = i;
    list_push_back(i < 5 ? &a : &b, &it[i].elem);
  }
  /* Move 6 7 8 from b to before 2 in a. */
  list_splice(&it[2].elem, &it[6].elem, &it[9].elem);
  int want_a[] = {0, 1, 6, 7, 8, 2, 3, 4}, want_b[] = {5, 9};
  check_keys(&a, want_a, 8);
  check_keys(&b, want_b, 2);
  /* Empty range: nothing happens. */
  list_splice(list_end(&a), &it[9].elem, &it[9].elem);
  check_keys(&b, want_b, 2);
  /* Insert before the tail appends. */
  list_remove(&it[9].elem);
  list_insert(list_end(&a), &it[9].elem);
  int want_a2[] = {0, 1, 6, 7, 8, 2, 3, 4, 9}, want_b2[] = {5};
  check_keys(&a, want_a2, 9);
  check_keys(&b, want_b2, 1);
}
END_TEST

START_TEST(test_reverse)
{
  size_t n;

  for (n = 0; n < 9; n++) {
    struct item *items = make_items(n, n, 100);
    int want[9];
    struct list l;
    size_t i;

    list_init(&l);
    for (i = 0; i < n; i++) {
      list_push_back(&l, &items[i].elem);
      want[n - 1 - i] = items[i].key;
    }
    list_reverse(&l);
    check_keys(&l, want, n);
    free(items);
  }
}
END_TEST

static int
compare_int(const void *a, const void *b)
{
  int x = *(const int *)a, y = *(const int *)b;

  return (x > y) - (x < y);
}

/* Sorted keys in order and equal keys in creation order. */
static void
check_sorted_stable(struct list *l)
{
  struct list_elem *e;
  struct item *prev = NULL;

  for (e = list_begin(l); e != list_end(l); e = list_next(e)) {
    struct item *cur = list_entry(e, struct item, elem);
    if (prev != NULL) {
      ck_assert_int_le(prev->key, cur->key);
      if (prev->key == cur->key)
        ck_assert_int_lt(prev->seq, cur->seq);
    }
    prev = cur;
  }
}

START_TEST(test_sort_random)
{
  size_t n;

  for (n = 0; n < 2000; n = n * 3 / 2 + 1) {
    int ranges[] = {1, 3, 1000000};
    size_t r;
    for (r = 0; r < 3; r++) {
      struct item *items = make_items(n, n * 7 + r, ranges[r]);
      int *keys = malloc((n + 1) * sizeof *keys), calls = 0;
      struct list l;
      size_t i;

      list_init(&l);
      for (i = 0; i < n; i++) {
        list_push_back(&l, &items[i].elem);
        keys[i] = items[i].key;
      }
      list_sort(&l, item_less, &calls);
      host_qsort(keys, n, sizeof *keys, compare_int);
      check_keys(&l, keys, n);
      check_sorted_stable(&l);
      /* O(n log n): a generous 3 n log2 n + n bound. */
      ck_assert_int_le(calls, 3 * (int)n * 12 + (int)n);
      /* Sorting a sorted list is one linear pass. */
      calls = 0;
      list_sort(&l, item_less, &calls);
      ck_assert_int_le(calls, (int)n);
      check_keys(&l, keys, n);
      free(keys);
      free(items);
    }
  }
}
END_TEST

START_TEST(test_insert_ordered)
{
  enum { N = 500 };
  struct item *items = make_items(N, 9, 50);
  int keys[N];
  struct list l;
  size_t i;

  list_init(&l);
  for (i = 0; i < N; i++) {
    list_insert_ordered(&l, &items[i].elem, item_less, NULL);
    keys[i] = items[i].key;
  }
  host_qsort(keys, N, sizeof *keys, compare_int);
  check_keys(&l, keys, N);
  check_sorted_stable(&l);
  free(items);
}
END_TEST

START_TEST(test_unique)
{
  enum { N = 300 };
  struct item *items = make_items(N, 10, 40);
  int keys[N], uniq[N], dups[N];
  size_t i, n_uniq = 0, n_dups = 0;
  struct list l, d;

  list_init(&l);
  list_init(&d);
  for (i = 0; i < N; i++) {
    list_push_back(&l, &items[i].elem);
    keys[i] = items[i].key;
  }
  list_sort(&l, item_less, NULL);
  host_qsort(keys, N, sizeof *keys, compare_int);
  for (i = 0; i < N; i++) {
    if (i > 0 && keys[i] == keys[i - 1])
      dups[n_dups++] = keys[i];
    else
      uniq[n_uniq++] = keys[i];
  }
  list_unique(&l, &d, item_less, NULL);
  check_keys(&l, uniq, n_uniq);
  check_keys(&d, dups, n_dups);
  /* The survivors are the first of each group (stable sort order). */
  check_sorted_stable(&l);
  free(items);
}
END_TEST

START_TEST(test_min_max)
{
  int keys[] = {5, 9, 1, 9, 1, 3};
  struct item it[6];
  struct list l;
  int i;

  list_init(&l);
  ck_assert_ptr_eq(list_max(&l, item_less, NULL), list_end(&l));
  ck_assert_ptr_eq(list_min(&l, item_less, NULL), list_end(&l));
  for (i = 0; i < 6; i++) {
    it[i].key = keys[i];
    list_push_back(&l, &it[i].elem);
  }
  /* The first of several equal extremes. */
  ck_assert_ptr_eq(list_max(&l, item_less, NULL), &it[1].elem);
  ck_assert_ptr_eq(list_min(&l, item_less, NULL), &it[2].elem);
}
END_TEST

START_TEST(test_pop_empty_panics)
{
  struct list l;

  list_init(&l);
  unit_expect_panic();
  list_pop_front(&l); /* ASSERT fails: debug_panic aborts. */
}
END_TEST

START_TEST(test_next_past_end_panics)
{
  struct list l;

  list_init(&l);
  unit_expect_panic();
  list_next(list_end(&l));
}
END_TEST

START_TEST(test_static_initializer)
{
  static struct list l = LIST_INITIALIZER(l);
  struct item it = {.key = 1};

  ck_assert(list_empty(&l));
  list_push_back(&l, &it.elem);
  check_keys(&l, &it.key, 1);
}
END_TEST

static Suite *
list_suite(void)
{
  Suite *s = suite_create("list");
  TCase *tc = tcase_create("core");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_push_pop_front_back);
  tcase_add_test(tc, test_remove_while_iterating);
  tcase_add_test(tc, test_insert_and_splice);
  tcase_add_test(tc, test_reverse);
  tcase_add_test(tc, test_sort_random);
  tcase_add_test(tc, test_insert_ordered);
  tcase_add_test(tc, test_unique);
  tcase_add_test(tc, test_min_max);
  tcase_add_test(tc, test_static_initializer);
  tcase_add_test_raise_signal(tc, test_pop_empty_panics, SIGABRT);
  tcase_add_test_raise_signal(tc, test_next_past_end_panics, SIGABRT);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  return unit_run(list_suite());
}
