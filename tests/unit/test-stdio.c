/* SPDX-License-Identifier: MIT */
/* lib/stdio.c: vsnprintf compared with the host's on thousands of random
   conversion specifications (flags, widths, precisions, lengths, `*'),
   plus the rules a differential test cannot see: truncation, the return
   value, and hex_dump's layout. */

#include <limits.h>
#include <sys/types.h>

#include "tests/unit/unit.h"

/* Our vsnprintf on a literal the compiler must not format-check (the
   unknown conversions are deliberate). */
static int
vsnprintf_wrap(char *buf, size_t size, const char *fmt, ...)
{
  va_list args;
  int n;

  va_start(args, fmt);
  n = vsnprintf(buf, size, fmt, args);
  va_end(args);
  return n;
}

/* Format FMT with the arguments through both implementations and demand
   identical text and return values. */
static void
check_format(const char *fmt, ...)
{
  char ours[512], theirs[512];
  va_list a, b;
  int n_ours, n_theirs;

  va_start(a, fmt);
  va_copy(b, a);
  n_ours = vsnprintf(ours, sizeof ours, fmt, a);
  n_theirs = host_vsnprintf(theirs, sizeof theirs, fmt, b);
  va_end(b);
  va_end(a);
  ck_assert_msg(host_strcmp(ours, theirs) == 0 && n_ours == n_theirs,
                "format \"%s\": got \"%s\" (%d), want \"%s\" (%d)", fmt, ours,
                n_ours, theirs, n_theirs);
}

/* A random value of about 0 to 64 significant bits, sometimes extreme. */
static uint64_t
random_value(uint64_t *rng)
{
  uint64_t r = unit_rand(rng);

  switch (r % 8) {
  case 0:
    return 0;
  case 1:
    return UINT64_MAX;
  case 2:
    return (uint64_t)INT64_MIN;
  case 3:
    return r >> 60;
  default:
    return unit_rand(rng) >> (unit_rand(rng) % 64);
  }
}

/* Append to P a random flag set drawn from ALLOWED. */
static char *
add_flags(uint64_t *rng, char *p, const char *allowed)
{
  for (; *allowed != '\0'; allowed++)
    if (unit_rand(rng) % 3 == 0)
      *p++ = *allowed;
  return p;
}

/* Append a width or precision: none, a number, or `*' (STAR set). */
static char *
add_number(uint64_t *rng, char *p, bool *star, int *value)
{
  *star = false;
  switch (unit_rand(rng) % 4) {
  case 0:
    return p;
  case 1:
    *star = true;
    *value = (int)(unit_rand(rng) % 30) - 8; /* Negative too. */
    *p++ = '*';
    return p;
  default:
    return p + sprintf(p, "%d", (int)(unit_rand(rng) % 25));
  }
}

#define CALL(VALUE)                                                            \
  do {                                                                         \
    if (star_w && star_p)                                                      \
      check_format(fmt, w, prec, VALUE);                                       \
    else if (star_w)                                                           \
      check_format(fmt, w, VALUE);                                             \
    else if (star_p)                                                           \
      check_format(fmt, prec, VALUE);                                          \
    else                                                                       \
      check_format(fmt, VALUE);                                                \
  } while (0)

/* One random integer conversion with a matching argument. */
static void
random_integer_conversion(uint64_t *rng)
{
  static const char *lengths[] = {"hh", "h", "", "l", "ll", "j", "z", "t"};
  static const char convs[] = "diuoxX";
  char fmt[64], *p = fmt;
  int len_idx = (int)(unit_rand(rng) % 8), w = 0, prec = 0;
  char conv = convs[unit_rand(rng) % 6];
  bool is_signed = conv == 'd' || conv == 'i', star_w, star_p;
  uint64_t v = random_value(rng);

  p += sprintf(p, "<");
  *p++ = '%';
  p = add_flags(rng, p, is_signed ? "-+ 0" : "-#0");
  p = add_number(rng, p, &star_w, &w);
  if (unit_rand(rng) % 2) {
    *p++ = '.';
    p = add_number(rng, p, &star_p, &prec);
  } else {
    star_p = false;
  }
  p += sprintf(p, "%s%c>", lengths[len_idx], conv);

  switch (len_idx * 2 + is_signed) {
  case 0:
    CALL((unsigned)(unsigned char)v);
    break;
  case 1:
    CALL((int)(signed char)v);
    break;
  case 2:
    CALL((unsigned)(unsigned short)v);
    break;
  case 3:
    CALL((int)(short)v);
    break;
  case 4:
    CALL((unsigned)v);
    break;
  case 5:
    CALL((int)v);
    break;
  case 6:
    CALL((unsigned long)v);
    break;
  case 7:
    CALL((long)v);
    break;
  case 8:
    CALL((unsigned long long)v);
    break;
  case 9:
    CALL((long long)v);
    break;
  case 10:
    CALL((uintmax_t)v);
    break;
  case 11:
    CALL((intmax_t)v);
    break;
  case 12:
    CALL((size_t)v);
    break;
  case 13:
    CALL((ssize_t)v);
    break;
  case 14:
    CALL((size_t)v);
    break; /* %tu takes the unsigned ptrdiff_t. */
  case 15:
    CALL((ptrdiff_t)v);
    break;
  }
}

/* One random %s or %c conversion. */
static void
random_text_conversion(uint64_t *rng)
{
  static const char *strings[] = {"", "x", "hello", "a longer string here"};
  char fmt[64], *p = fmt;
  int w = 0, prec = 0;
  bool star_w, star_p = false, is_string = unit_rand(rng) % 2;

  *p++ = '[';
  *p++ = '%';
  p = add_flags(rng, p, "-");
  p = add_number(rng, p, &star_w, &w);
  if (is_string && unit_rand(rng) % 2) {
    *p++ = '.';
    p = add_number(rng, p, &star_p, &prec);
  }
  p += sprintf(p, "%c]", is_string ? 's' : 'c');
  if (is_string)
    CALL(strings[unit_rand(rng) % 4]);
  else
    CALL((int)('!' + unit_rand(rng) % 90));
}

START_TEST(test_random_conversions)
{
  uint64_t rng = 42;
  int i;

  for (i = 0; i < 40000; i++)
    random_integer_conversion(&rng);
  for (i = 0; i < 5000; i++)
    random_text_conversion(&rng);
}
END_TEST

START_TEST(test_fixed_conversions)
{
  int x;

  check_format("plain text, 100%% literal");
  check_format("%d %i %u %o %x %X", -1, 42, 3000000000u, 8, 255, 255);
  check_format("%ld %lu %lld %llx", LONG_MIN, ULONG_MAX, LLONG_MIN, ULLONG_MAX);
  check_format("%#o %#x %#X %#.0o %#.0x", 0, 0, 0, 0, 0);
  check_format("%.0d|%.0u|%5.0x|%-5.0o|", 0, 0, 0, 0);
  check_format("%05d %-05d %+05d % 05d %+ d", -42, -42, 42, 42, 7);
  check_format("%08.3d %08.3x %-8.3d|", -5, 0xab, 5);
  check_format("%*d|%-*d|%*d|%.*d|%.*d", 6, 1, 6, 2, -6, 3, 4, 5, -3, 6);
  check_format("%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
  check_format("%zu %zd %td %ju %jd", (size_t)-1, (ssize_t)-1, (ptrdiff_t)-9,
               UINTMAX_MAX, INTMAX_MIN);
  check_format("%c%c%c %3c %-3c|", 'a', 'b', 'c', 'x', 'y');
  check_format("%s|%10s|%-10s|%.2s|%10.3s|%-*.*s|", "abc", "abc", "abc", "abc",
               "abcdef", 7, 2, "xyz");
  check_format("%p %20p %-20p|", (void *)&x, (void *)&x, (void *)0x1000);
}
END_TEST

START_TEST(test_null_and_unknown)
{
  char buf[64];

  /* NULL strings print as the host C library prints them. */
  check_format("%s|%10s|%-8s|", (char *)NULL, (char *)NULL, (char *)NULL);
  /* Unknown conversions and a trailing `%' are copied through, visibly. */
  ck_assert_int_eq(vsnprintf_wrap(buf, sizeof buf, "a%qb%5Qc%"), 9);
  ck_assert_int_eq(host_strcmp(buf, "a%qb%5Qc%"), 0);
}
END_TEST

START_TEST(test_truncation)
{
  const char *fmt = "%s-%05d-%x";
  char full[64], buf[64];
  int want = snprintf(full, sizeof full, fmt, "abcdef", 42, 0xbeef);
  size_t size, i;

  ck_assert_int_eq(want, (int)host_strlen("abcdef-00042-beef"));
  ck_assert_int_eq(host_strcmp(full, "abcdef-00042-beef"), 0);
  for (size = 0; size <= (size_t)want + 2; size++) {
    for (i = 0; i < sizeof buf; i++)
      buf[i] = '#';
    ck_assert_int_eq(snprintf(buf, size, fmt, "abcdef", 42, 0xbeef), want);
    if (size == 0) {
      ck_assert_int_eq(buf[0], '#');
      continue;
    }
    /* A prefix of SIZE - 1 characters, a NUL, and nothing written after. */
    size_t kept = size - 1 < (size_t)want ? size - 1 : (size_t)want;
    ck_assert_int_eq(host_memcmp(buf, full, kept), 0);
    ck_assert_int_eq(buf[kept], '\0');
    for (i = kept + 1; i < sizeof buf; i++)
      ck_assert_int_eq(buf[i], '#');
  }
  /* The NULL buffer of size 0 just measures. */
  ck_assert_int_eq(snprintf(NULL, 0, "%d%s", 12345, "xy"), 7);
}
END_TEST

START_TEST(test_printf_goes_to_vprintf)
{
  const char *out;
  int n;

  unit_capture_start();
  n = printf("%s=%d;", "x", -3);
  putchar('!');
  puts("end");
  out = unit_capture_end();
  ck_assert_int_eq(n, 5);
  ck_assert_int_eq(host_strcmp(out, "x=-3;!end\n"), 0);
}
END_TEST

START_TEST(test_hex_dump)
{
  const char *data = "ABCDEFGHIJKLMNOPQRS";
  const char *want =
      "0000000000001000           41 42 43 44 45  46 47 48 49 4a 4b 4c 4d"
      "  |   ABCDEFGHIJKLM|\n"
      "0000000000001010  4e 4f 50 51 52 53                               "
      "  |NOPQRS          |\n";
  char want2[128];
  const char *out;

  unit_capture_start();
  hex_dump(0x1003, data, 19, true);
  out = unit_capture_end();
  ck_assert_msg(host_strcmp(out, want) == 0, "got:\n%s", out);

  unit_capture_start();
  hex_dump(0, "\x01\xff", 2, false);
  out = unit_capture_end();
  /* Bytes 2-15 are blank: 14 columns of 3, plus the gap after byte 7. */
  snprintf(want2, sizeof want2, "%s%43s\n", "0000000000000000  01 ff", "");
  ck_assert_msg(host_strcmp(out, want2) == 0, "got:\n%s|", out);
}
END_TEST

static Suite *
stdio_suite(void)
{
  Suite *s = suite_create("stdio");
  TCase *tc = tcase_create("core");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_random_conversions);
  tcase_add_test(tc, test_fixed_conversions);
  tcase_add_test(tc, test_null_and_unknown);
  tcase_add_test(tc, test_truncation);
  tcase_add_test(tc, test_printf_goes_to_vprintf);
  tcase_add_test(tc, test_hex_dump);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  return unit_run(stdio_suite());
}
