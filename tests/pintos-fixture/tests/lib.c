/* SPDX-License-Identifier: MIT */
/* msg and fail: one console write per line, prefixed by the test name. */

#include "tests/lib.h"

#include <stdarg.h>
#include <stdio.h>
#include <syscall.h>

static void
say(const char *prefix, const char *format, va_list args)
{
  char text[200];
  vsnprintf(text, sizeof text, format, args);
  printf("(%s) %s%s\n", test_name, prefix, text);
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
  exit(1);
}
