/* SPDX-License-Identifier: MIT */
/* What the hosted build of lib/ needs from its environment, and the
   helpers every unit test shares.

   In the kernel and in user programs, vprintf/putchar/puts write to a
   console and debug_panic stops the machine or the process.  Here they
   write to stdout (or to a capture buffer, so tests can check printed
   text), and debug_panic prints and aborts, which Check reports as a
   signal: tests of ASSERT use tcase_add_test_raise_signal(..., SIGABRT). */

#include "tests/unit/unit.h"

static bool panic_expected;
static char *capture_buf;
static size_t capture_len, capture_cap;
static bool capturing;

static void
capture_put(char c)
{
  if (capture_len + 1 >= capture_cap) {
    capture_cap = capture_cap ? capture_cap * 2 : 256;
    capture_buf = realloc(capture_buf, capture_cap);
    if (capture_buf == NULL)
      abort();
  }
  capture_buf[capture_len++] = c;
  capture_buf[capture_len] = '\0';
}

static void
output_char(char c, void *aux)
{
  int *count = aux;

  if (capturing)
    capture_put(c);
  else
    fputc(c, stdout);
  (*count)++;
}

/* Pagoda's vprintf, for the hosted build. */
int
vprintf(const char *format, va_list args)
{
  int count = 0;

  __vprintf(format, args, output_char, &count);
  return count;
}

/* Pagoda's putchar, for the hosted build. */
int
putchar(int ch)
{
  int count = 0;

  output_char((char)ch, &count);
  return (unsigned char)ch;
}

/* Pagoda's puts, for the hosted build. */
int
puts(const char *s)
{
  int count = 0;

  while (*s != '\0')
    output_char(*s++, &count);
  output_char('\n', &count);
  return 0;
}

/* See unit.h. */
void
unit_capture_start(void)
{
  capturing = true;
  capture_len = 0;
  if (capture_buf != NULL)
    capture_buf[0] = '\0';
}

/* See unit.h. */
const char *
unit_capture_end(void)
{
  capturing = false;
  return capture_buf != NULL ? capture_buf : "";
}

/* Hosted debug_panic: report like the kernel does, then abort. */
void
debug_panic(const char *file, int line, const char *function,
            const char *message, ...)
{
  char text[512];
  va_list args;

  va_start(args, message);
  vsnprintf(text, sizeof text, message, args);
  va_end(args);
  fprintf(stderr, "%sPANIC at %s:%d in %s(): %s\n",
          panic_expected ? "(expected) " : "", file, line, function, text);
  abort();
}

/* See unit.h. */
void
unit_expect_panic(void)
{
  panic_expected = true;
}

/* No backtrace on the host: ASan and gdb do better. */
void
debug_backtrace(void)
{
}

/* See unit.h.  splitmix64: tiny, fast, good enough for test inputs. */
uint64_t
unit_rand(uint64_t *state)
{
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/* See unit.h. */
int
unit_run(Suite *suite)
{
  SRunner *runner = srunner_create(suite);
  int failed;

  srunner_run_all(runner, CK_NORMAL);
  failed = srunner_ntests_failed(runner);
  srunner_free(runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
