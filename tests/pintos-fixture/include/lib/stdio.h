/* SPDX-License-Identifier: MIT */
/* Formatted console output.  Conversions: %d %u %x %s %c %%, with an
   optional `l'.  Each call is one write to fd 1 (lines of several
   processes never mix), up to 256 bytes. */
#ifndef FIXTURE_STDIO_H
#define FIXTURE_STDIO_H

#include <stdarg.h>
#include <stddef.h>

int vsnprintf(char *buf, size_t size, const char *format, va_list args);
int vprintf(const char *format, va_list args);
int printf(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
