/* SPDX-License-Identifier: MIT */
/* lib/string.c against the host C library.  Randomized inputs from a small
   alphabet make matches, partial matches and misses all common; fixed
   cases cover the edges (empty strings, NUL bytes, truncation). */

#include "tests/unit/unit.h"

#define ROUNDS 20000

/* Fill BUF with a random NUL-terminated string of length < SIZE drawn
   from ALPHABET. */
static void
random_string(uint64_t *rng, char *buf, size_t size, const char *alphabet)
{
  size_t len = unit_rand(rng) % size, n = host_strlen(alphabet), i;

  for (i = 0; i < len; i++)
    buf[i] = alphabet[unit_rand(rng) % n];
  buf[len] = '\0';
}

static int
sign(int x)
{
  return (x > 0) - (x < 0);
}

START_TEST(test_mem_copy_and_fill)
{
  /* Every alignment and length combination, checked byte by byte. */
  unsigned char src[96], dst[96], want[96];
  size_t s, d, n, i;

  for (i = 0; i < sizeof src; i++)
    src[i] = (unsigned char)(i * 7 + 1);
  for (s = 0; s < 9; s++)
    for (d = 0; d < 9; d++)
      for (n = 0; n < 80; n++) {
        for (i = 0; i < sizeof dst; i++)
          dst[i] = want[i] = 0xee;
        for (i = 0; i < n; i++)
          want[d + i] = src[s + i];
        ck_assert_ptr_eq(memcpy(dst + d, src + s, n), dst + d);
        ck_assert_int_eq(host_memcmp(dst, want, sizeof dst), 0);
        for (i = 0; i < n; i++)
          want[d + i] = (unsigned char)(s + 0x80);
        ck_assert_ptr_eq(memset(dst + d, (int)(s + 0x80) | 0x100, n), dst + d);
        ck_assert_int_eq(host_memcmp(dst, want, sizeof dst), 0);
      }
}
END_TEST

START_TEST(test_memmove_overlap)
{
  unsigned char buf[128], want[128];
  size_t from, to, n, i;

  for (from = 0; from < 20; from++)
    for (to = 0; to < 20; to++)
      for (n = 0; n < 100; n += 7) {
        for (i = 0; i < sizeof buf; i++)
          buf[i] = want[i] = (unsigned char)i;
        /* Reference: copy through a temporary, which is what memmove
           promises. */
        {
          unsigned char tmp[128];
          for (i = 0; i < n; i++)
            tmp[i] = want[from + i];
          for (i = 0; i < n; i++)
            want[to + i] = tmp[i];
        }
        memmove(buf + to, buf + from, n);
        ck_assert_msg(host_memcmp(buf, want, sizeof buf) == 0,
                      "memmove from %zu to %zu, %zu bytes", from, to, n);
      }
}
END_TEST

START_TEST(test_compare_random)
{
  uint64_t rng = 1;
  char a[24], b[24];
  int i;

  for (i = 0; i < ROUNDS; i++) {
    size_t n = unit_rand(&rng) % 26;
    random_string(&rng, a, sizeof a, "ab\x80");
    random_string(&rng, b, sizeof b, "ab\x80");
    ck_assert_int_eq(sign(strcmp(a, b)), sign(host_strcmp(a, b)));
    ck_assert_int_eq(sign(strncmp(a, b, n)), sign(host_strncmp(a, b, n)));
    n %= sizeof a;
    ck_assert_int_eq(sign(memcmp(a, b, n)), sign(host_memcmp(a, b, n)));
    ck_assert_uint_eq(strlen(a), host_strlen(a));
    ck_assert_uint_eq(strnlen(a, n), host_strnlen(a, n));
  }
}
END_TEST

START_TEST(test_search_random)
{
  uint64_t rng = 2;
  char hay[32], set[6], needle[5];
  int i;

  for (i = 0; i < ROUNDS; i++) {
    int c = "abcd"[unit_rand(&rng) % 4];
    random_string(&rng, hay, sizeof hay, "abcd");
    random_string(&rng, set, sizeof set, "abcd");
    random_string(&rng, needle, sizeof needle, "abc");
    ck_assert_ptr_eq(strchr(hay, c), host_strchr(hay, c));
    ck_assert_ptr_eq(strrchr(hay, c), host_strrchr(hay, c));
    ck_assert_ptr_eq(memchr(hay, c, sizeof hay / 2),
                     host_memchr(hay, c, sizeof hay / 2));
    ck_assert_uint_eq(strspn(hay, set), host_strspn(hay, set));
    ck_assert_uint_eq(strcspn(hay, set), host_strcspn(hay, set));
    ck_assert_ptr_eq(strpbrk(hay, set), host_strpbrk(hay, set));
    ck_assert_ptr_eq(strstr(hay, needle), host_strstr(hay, needle));
  }
}
END_TEST

START_TEST(test_search_terminator)
{
  const char *s = "hello";

  ck_assert_ptr_eq(strchr(s, '\0'), s + 5);
  ck_assert_ptr_eq(strrchr(s, '\0'), s + 5);
  ck_assert_ptr_eq(strstr(s, ""), s);
  ck_assert_ptr_eq(strstr("", ""), host_strstr("", ""));
  ck_assert_ptr_null(strstr("", "a"));
  ck_assert_ptr_eq(strchr(s, 'l' + 256), s + 2); /* CH is converted. */
}
END_TEST

START_TEST(test_strlcpy_strlcat)
{
  char buf[8];

  ck_assert_uint_eq(strlcpy(buf, "abc", sizeof buf), 3);
  ck_assert_str_eq(buf, "abc");
  ck_assert_uint_eq(strlcpy(buf, "0123456789", sizeof buf), 10);
  ck_assert_str_eq(buf, "0123456");
  buf[0] = 'x';
  ck_assert_uint_eq(strlcpy(buf, "abc", 0), 3);
  ck_assert_int_eq(buf[0], 'x');

  strlcpy(buf, "ab", sizeof buf);
  ck_assert_uint_eq(strlcat(buf, "cd", sizeof buf), 4);
  ck_assert_str_eq(buf, "abcd");
  ck_assert_uint_eq(strlcat(buf, "efghij", sizeof buf), 10);
  ck_assert_str_eq(buf, "abcdefg");
  /* No NUL within SIZE: size + strlen(src), buffer untouched. */
  ck_assert_uint_eq(strlcat(buf, "xyz", 3), 6);
  ck_assert_str_eq(buf, "abcdefg");
}
END_TEST

START_TEST(test_strncat)
{
  char buf[16] = "ab";

  ck_assert_ptr_eq(strncat(buf, "cdef", 2), buf);
  ck_assert_str_eq(buf, "abcd");
  strncat(buf, "xy", 10);
  ck_assert_str_eq(buf, "abcdxy");
  strncat(buf, "zzz", 0);
  ck_assert_str_eq(buf, "abcdxy");
}
END_TEST

START_TEST(test_strtok_r)
{
  char line[] = "  run  'a b' ,,c  ";
  const char *want[] = {"run", "'a", "b'", "c"};
  char *save, *tok;
  size_t n = 0;

  for (tok = strtok_r(line, " ,", &save); tok != NULL;
       tok = strtok_r(NULL, " ,", &save)) {
    ck_assert_uint_lt(n, 4);
    ck_assert_str_eq(tok, want[n++]);
  }
  ck_assert_uint_eq(n, 4);
  /* Exhausted tokenizers stay exhausted. */
  ck_assert_ptr_null(strtok_r(NULL, " ,", &save));

  char empty[] = "   ";
  ck_assert_ptr_null(strtok_r(empty, " ", &save));
}
END_TEST

static Suite *
string_suite(void)
{
  Suite *s = suite_create("string");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, test_mem_copy_and_fill);
  tcase_add_test(tc, test_memmove_overlap);
  tcase_add_test(tc, test_compare_random);
  tcase_add_test(tc, test_search_random);
  tcase_add_test(tc, test_search_terminator);
  tcase_add_test(tc, test_strlcpy_strlcat);
  tcase_add_test(tc, test_strncat);
  tcase_add_test(tc, test_strtok_r);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  return unit_run(string_suite());
}
