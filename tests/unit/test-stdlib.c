/* SPDX-License-Identifier: MIT */
/* lib/stdlib.c: atoi against the host; qsort/sort against the host qsort
   on random arrays of several element sizes; bsearch/binary_search for
   every present and many absent keys. */

#include "tests/unit/unit.h"

START_TEST(test_atoi)
{
  static const char *inputs[] = {"0",           "42",  "-17", "  +8x",
                                 "\t\n-0",      "abc", "",    "2147483647",
                                 "-2147483648", "007", "- 5", "12 34"};
  size_t i;

  for (i = 0; i < sizeof inputs / sizeof *inputs; i++)
    ck_assert_msg(atoi(inputs[i]) == host_atoi(inputs[i]), "atoi(\"%s\")",
                  inputs[i]);
}
END_TEST

static int
compare_int(const void *a, const void *b)
{
  int x = *(const int *)a, y = *(const int *)b;

  return (x > y) - (x < y);
}

/* A 24-byte record ordered by KEY; PAYLOAD checks that whole elements move. */
struct record {
  int key;
  char payload[20];
};

static int
compare_record_aux(const void *a, const void *b, void *aux)
{
  const struct record *x = a, *y = b;
  int *calls = aux;

  (*calls)++;
  return (x->key > y->key) - (x->key < y->key);
}

static int
compare_record(const void *a, const void *b)
{
  const struct record *x = a, *y = b;

  return (x->key > y->key) - (x->key < y->key);
}

START_TEST(test_qsort_ints)
{
  uint64_t rng = 3;
  int n;

  for (n = 0; n < 300; n += 1 + n / 10) {
    int *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
    int i, range = 1 + (int)(unit_rand(&rng) % 1000);
    for (i = 0; i < n; i++)
      a[i] = b[i] = (int)(unit_rand(&rng) % range) - range / 2;
    qsort(a, n, sizeof *a, compare_int);
    host_qsort(b, n, sizeof *b, compare_int);
    ck_assert_int_eq(host_memcmp(a, b, n * sizeof *a), 0);
    free(a);
    free(b);
  }
}
END_TEST

START_TEST(test_sort_records_with_aux)
{
  enum { N = 5000 };
  struct record *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
  uint64_t rng = 4;
  int calls = 0, i;

  for (i = 0; i < N; i++) {
    a[i].key = (int)(unit_rand(&rng) % 100000);
    snprintf(a[i].payload, sizeof a[i].payload, "k%d", a[i].key);
  }
  for (i = 0; i < N; i++)
    b[i] = a[i];
  sort(a, N, sizeof *a, compare_record_aux, &calls);
  host_qsort(b, N, sizeof *b, compare_record);
  for (i = 0; i < N; i++) {
    char want[20];
    ck_assert_int_eq(a[i].key, b[i].key);
    snprintf(want, sizeof want, "k%d", a[i].key);
    ck_assert_int_eq(host_strcmp(a[i].payload, want), 0);
  }
  /* Heapsort makes O(n log n) comparisons: at most about 2 n log2 n. */
  ck_assert_int_gt(calls, 0);
  ck_assert_int_lt(calls, 2 * N * 13);
  free(a);
  free(b);
}
END_TEST

static int
compare_int_aux(const void *a, const void *b, void *aux)
{
  (*(int *)aux)++;
  return compare_int(a, b);
}

START_TEST(test_search)
{
  int a[257], i, n;

  for (n = 0; n <= 257; n += 1 + n / 8) {
    for (i = 0; i < n; i++)
      a[i] = 2 * i; /* Even numbers: odd keys are absent. */
    for (i = -2; i < 2 * n + 2; i++) {
      int *found = bsearch(&i, a, n, sizeof *a, compare_int);
      int calls = 0;
      if (i >= 0 && i < 2 * n && i % 2 == 0) {
        ck_assert_ptr_eq(found, &a[i / 2]);
      } else {
        ck_assert_ptr_null(found);
      }
      ck_assert_ptr_eq(
          binary_search(&i, a, n, sizeof *a, compare_int_aux, &calls), found);
      /* Binary: about log2(n) + 1 probes, never a linear scan. */
      ck_assert_int_le(calls, 10);
    }
  }
}
END_TEST

static Suite *
stdlib_suite(void)
{
  Suite *s = suite_create("stdlib");
  TCase *tc = tcase_create("core");

  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, test_atoi);
  tcase_add_test(tc, test_qsort_ints);
  tcase_add_test(tc, test_sort_records_with_aux);
  tcase_add_test(tc, test_search);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  return unit_run(stdlib_suite());
}
