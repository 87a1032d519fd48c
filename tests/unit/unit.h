/* SPDX-License-Identifier: MIT */
#ifndef TESTS_UNIT_UNIT_H
#define TESTS_UNIT_UNIT_H

/* Common header of the host unit tests.

   Order matters.  First the host headers and Check; then host_ wrappers
   that keep the host C library's functions reachable as references; then
   hosted-names.h, after which memcpy, printf, qsort... name Pagoda's lib/
   versions; then the lib/ headers themselves. */

#include <check.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The host C library, for comparing against. */
static inline size_t
host_strlen(const char *s)
{
  return strlen(s);
}
static inline int
host_strcmp(const char *a, const char *b)
{
  return strcmp(a, b);
}
static inline int
host_strncmp(const char *a, const char *b, size_t n)
{
  return strncmp(a, b, n);
}
static inline int
host_memcmp(const void *a, const void *b, size_t n)
{
  return memcmp(a, b, n);
}
static inline void *
host_memchr(const void *s, int c, size_t n)
{
  return memchr(s, c, n);
}
static inline char *
host_strchr(const char *s, int c)
{
  return strchr(s, c);
}
static inline char *
host_strrchr(const char *s, int c)
{
  return strrchr(s, c);
}
static inline size_t
host_strspn(const char *s, const char *a)
{
  return strspn(s, a);
}
static inline size_t
host_strcspn(const char *s, const char *r)
{
  return strcspn(s, r);
}
static inline char *
host_strpbrk(const char *s, const char *a)
{
  return strpbrk(s, a);
}
static inline char *
host_strstr(const char *h, const char *n)
{
  return strstr(h, n);
}
static inline size_t
host_strnlen(const char *s, size_t n)
{
  return strnlen(s, n);
}
static inline int
host_atoi(const char *s)
{
  return atoi(s);
}
static inline void
host_qsort(void *a, size_t n, size_t size,
           int (*cmp)(const void *, const void *))
{
  qsort(a, n, size, cmp);
}
static inline int
host_vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
  return vsnprintf(buf, size, fmt, args);
}
static inline void
host_printf_line(const char *text)
{
  fputs(text, stdout);
  fputc('\n', stdout);
}

#include "tests/unit/hosted-names.h"

#include "lib/debug.h"
#include "lib/random.h"
#include "lib/round.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/string.h"
#include "lib/kernel/bitmap.h"
#include "lib/kernel/hash.h"
#include "lib/kernel/list.h"

#include "tests/unit/fail-malloc.h"

/* From hosted.c. */

/* Run SUITE (forking per test, with ASan and UBSan on) and print Check's
   summary line.  Returns the process exit status: 0 if all passed. */
int unit_run(Suite *suite);

/* Collect Pagoda printf/putchar/puts output in memory instead of writing it
   to stdout, until unit_capture_end(), which returns the text (valid until
   the next unit_capture_start). */
void unit_capture_start(void);
const char *unit_capture_end(void);

/* Mark the coming panic as the point of the test (labels its message). */
void unit_expect_panic(void);

/* A small deterministic generator for test inputs, independent of
   lib/random.c (which is itself under test). */
uint64_t unit_rand(uint64_t *state);

#endif
