/* SPDX-License-Identifier: MIT */
/* lib/kernel/bitmap.c against a bool-array model.  Random operations on
   bitmaps of awkward sizes (around word boundaries) are applied to both,
   and every query, count and scan result is compared with the model's
   naive answer. */

#include <signal.h>

#include "tests/unit/unit.h"

#define MAX_BITS 1600

static bool model[MAX_BITS];

static size_t
model_scan(size_t bit_cnt, size_t start, size_t cnt, bool value)
{
  size_t i, j;

  for (i = start; i + cnt <= bit_cnt; i++) {
    for (j = 0; j < cnt && model[i + j] == value; j++)
      continue;
    if (j == cnt)
      return i;
  }
  return BITMAP_ERROR;
}

static size_t
model_count(size_t start, size_t cnt, bool value)
{
  size_t i, n = 0;

  for (i = start; i < start + cnt; i++)
    n += model[i] == value;
  return n;
}

static void
check_all_bits(const struct bitmap *b)
{
  size_t i;

  for (i = 0; i < bitmap_size(b); i++)
    ck_assert_msg(bitmap_test(b, i) == model[i], "bit %zu", i);
}

/* A random range [*START, *START + *CNT) inside BIT_CNT bits; short ones
   are most common, as in real use. */
static void
random_range(uint64_t *rng, size_t bit_cnt, size_t *start, size_t *cnt)
{
  size_t max_len = unit_rand(rng) % 4 == 0 ? bit_cnt : 130;

  *start = unit_rand(rng) % (bit_cnt + 1);
  *cnt = unit_rand(rng) % (max_len + 1);
  if (*cnt > bit_cnt - *start)
    *cnt = bit_cnt - *start;
}

/* One random operation, checked against the model. */
static void
random_op(uint64_t *rng, struct bitmap *b)
{
  size_t n = bitmap_size(b), start, cnt, i;
  bool value = unit_rand(rng) & 1;
  unsigned op = (unsigned)(unit_rand(rng) % 10);

  random_range(rng, n, &start, &cnt);
  /* Scans ask for short runs; long ones rarely exist. */
  if (op >= 7)
    cnt = cnt % 12;
  switch (op) {
  case 0:
    if (start < n) {
      bitmap_flip(b, start);
      model[start] = !model[start];
    }
    break;
  case 1:
    if (start < n) {
      bitmap_set(b, start, value);
      model[start] = value;
    }
    break;
  case 2:
    bitmap_set_multiple(b, start, cnt, value);
    for (i = start; i < start + cnt; i++)
      model[i] = value;
    break;
  case 3:
    ck_assert_uint_eq(bitmap_count(b, start, cnt, value),
                      model_count(start, cnt, value));
    break;
  case 4:
    ck_assert(bitmap_contains(b, start, cnt, value) ==
              (model_count(start, cnt, value) > 0));
    ck_assert(bitmap_any(b, start, cnt) == (model_count(start, cnt, true) > 0));
    break;
  case 5:
    ck_assert(bitmap_none(b, start, cnt) ==
              (model_count(start, cnt, true) == 0));
    ck_assert(bitmap_all(b, start, cnt) ==
              (model_count(start, cnt, true) == cnt));
    break;
  case 6:
  case 7:
    ck_assert_uint_eq(bitmap_scan(b, start, cnt, value),
                      model_scan(n, start, cnt, value));
    break;
  default: {
    size_t want = model_scan(n, start, cnt, value);
    ck_assert_uint_eq(bitmap_scan_and_flip(b, start, cnt, value), want);
    if (want != BITMAP_ERROR)
      for (i = want; i < want + cnt; i++)
        model[i] = !value;
    break;
  }
  }
}

START_TEST(test_random_against_model)
{
  static const size_t sizes[] = {0,   1,   2,   63,  64,   65,
                                 127, 128, 129, 700, 1024, MAX_BITS - 3};
  uint64_t rng = 77;
  size_t s, i;

  for (s = 0; s < sizeof sizes / sizeof *sizes; s++) {
    struct bitmap *b = bitmap_create(sizes[s]);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(bitmap_size(b), sizes[s]);
    for (i = 0; i < MAX_BITS; i++)
      model[i] = false;
    check_all_bits(b);
    for (i = 0; i < 12000; i++) {
      random_op(&rng, b);
      if (i % 1000 == 0)
        check_all_bits(b);
    }
    check_all_bits(b);
    bitmap_destroy(b);
  }
}
END_TEST

START_TEST(test_allocate_like_swap)
{
  /* Allocate every slot one at a time, free a scattered set, and
     allocate again: scan_and_flip must hand out exactly the freed slots,
     lowest first, then report exhaustion. */
  enum { SLOTS = 1008 };
  struct bitmap *b = bitmap_create(SLOTS);
  size_t i;

  for (i = 0; i < SLOTS; i++)
    ck_assert_uint_eq(bitmap_scan_and_flip(b, 0, 1, false), i);
  ck_assert_uint_eq(bitmap_scan_and_flip(b, 0, 1, false), BITMAP_ERROR);
  ck_assert(bitmap_all(b, 0, SLOTS));
  for (i = 5; i < SLOTS; i += 97)
    bitmap_reset(b, i);
  for (i = 5; i < SLOTS; i += 97)
    ck_assert_uint_eq(bitmap_scan_and_flip(b, 0, 1, false), i);
  ck_assert_uint_eq(bitmap_scan_and_flip(b, 0, 1, false), BITMAP_ERROR);
  ck_assert_uint_eq(bitmap_count(b, 0, SLOTS, true), SLOTS);
  bitmap_destroy(b);
}
END_TEST

START_TEST(test_set_all_and_edges)
{
  struct bitmap *b = bitmap_create(130);

  bitmap_set_all(b, true);
  ck_assert_uint_eq(bitmap_count(b, 0, 130, true), 130);
  ck_assert_uint_eq(bitmap_scan(b, 0, 1, false), BITMAP_ERROR);
  bitmap_set_all(b, false);
  ck_assert_uint_eq(bitmap_count(b, 0, 130, false), 130);
  /* CNT 0 finds START, even at the very end; too long a run fails. */
  ck_assert_uint_eq(bitmap_scan(b, 130, 0, true), 130);
  ck_assert_uint_eq(bitmap_scan(b, 7, 0, true), 7);
  ck_assert_uint_eq(bitmap_scan(b, 0, 131, false), BITMAP_ERROR);
  ck_assert_uint_eq(bitmap_scan(b, 0, 130, false), 0);
  ck_assert_uint_eq(bitmap_scan(b, 1, 130, false), BITMAP_ERROR);
  bitmap_mark(b, 129);
  ck_assert_uint_eq(bitmap_scan(b, 0, 1, true), 129);
  ck_assert(bitmap_test(b, 129));
  ck_assert(!bitmap_test(b, 128));
  bitmap_destroy(b);
}
END_TEST

START_TEST(test_create_in_buf)
{
  uint64_t block[32];
  struct bitmap *b;

  ck_assert_uint_le(bitmap_buf_size(1000), sizeof block);
  ck_assert_uint_gt(bitmap_buf_size(1000), 1000 / 8);
  b = bitmap_create_in_buf(1000, block, sizeof block);
  ck_assert_ptr_eq((void *)b, (void *)block);
  ck_assert_uint_eq(bitmap_count(b, 0, 1000, false), 1000);
  bitmap_set_multiple(b, 10, 500, true);
  ck_assert_uint_eq(bitmap_scan(b, 0, 20, false), 510);
}
END_TEST

START_TEST(test_create_out_of_memory)
{
  unit_malloc_fail_after(0);
  ck_assert_ptr_null(bitmap_create(100));
  unit_malloc_fail_after(-1);
}
END_TEST

START_TEST(test_dump)
{
  struct bitmap *b = bitmap_create(16);
  const char *out;

  bitmap_mark(b, 0);
  bitmap_mark(b, 9);
  unit_capture_start();
  bitmap_dump(b);
  out = unit_capture_end();
  /* Bit 0 is the low bit of byte 0, bit 9 bit 1 of byte 1. */
  ck_assert_msg(host_strncmp(out, "0000000000000000  01 02 00", 26) == 0,
                "got %s", out);
  bitmap_destroy(b);
}
END_TEST

START_TEST(test_out_of_range_panics)
{
  struct bitmap *b = bitmap_create(10);

  unit_expect_panic();
  bitmap_test(b, 10);
}
END_TEST

static Suite *
bitmap_suite(void)
{
  Suite *s = suite_create("bitmap");
  TCase *tc = tcase_create("core");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_random_against_model);
  tcase_add_test(tc, test_allocate_like_swap);
  tcase_add_test(tc, test_set_all_and_edges);
  tcase_add_test(tc, test_create_in_buf);
  tcase_add_test(tc, test_create_out_of_memory);
  tcase_add_test(tc, test_dump);
  tcase_add_test_raise_signal(tc, test_out_of_range_panics, SIGABRT);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  return unit_run(bitmap_suite());
}
