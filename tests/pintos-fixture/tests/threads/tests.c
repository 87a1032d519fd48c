/* SPDX-License-Identifier: MIT */
/* The fixture's in-kernel test table and message helpers. */

#include "tests/threads/tests.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct test {
  const char *name;
  test_func *run;
};

static const struct test tests[] = {
    {"sleep-sort", test_sleep_sort},
    {"mlfqs-switch", test_mlfqs_switch},
};

static const char *current = "?";

void
run_test(const char *name)
{
  for (size_t i = 0; i < sizeof tests / sizeof *tests; i++)
    if (strcmp(tests[i].name, name) == 0) {
      current = name;
      msg("begin");
      tests[i].run();
      msg("end");
      return;
    }
  PANIC("the fixture has no test named %s", name);
}

static void
say(const char *prefix, const char *format, va_list args)
{
  char text[160];
  vsnprintf(text, sizeof text, format, args);
  printf("(%s) %s%s\n", current, prefix, text);
}

void
msg(const char *format, ...)
{
  va_list args;
  va_start(args, format);
  say("", format, args);
  va_end(args);
}

void
fail(const char *format, ...)
{
  va_list args;
  va_start(args, format);
  say("FAIL: ", format, args);
  va_end(args);
  PANIC("test %s failed", current);
}

void
pass(void)
{
  printf("(%s) PASS\n", current);
}
