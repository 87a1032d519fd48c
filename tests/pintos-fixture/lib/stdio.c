/* SPDX-License-Identifier: MIT */
/* A small printf: the text is formatted into a buffer on the stack and
   written with one write(1, ...), so one call is one console write. */

#include <stdio.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <syscall.h>

#define PRINTF_BUF 256

struct out {
  char *buf;
  size_t size, len; /* LEN counts every byte, also those cut off */
};

static void
out_char(struct out *o, char c)
{
  if (o->len + 1 < o->size)
    o->buf[o->len] = c;
  o->len++;
}

static void
out_number(struct out *o, uint64_t v, unsigned base, bool negative)
{
  char digits[24];
  int n = 0;
  do {
    digits[n++] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v != 0);
  if (negative)
    out_char(o, '-');
  while (n > 0)
    out_char(o, digits[--n]);
}

static void
out_conversion(struct out *o, char conv, bool is_long, va_list *args)
{
  int64_t s;
  uint64_t u;
  const char *str;
  switch (conv) {
  case 'd':
    s = is_long ? va_arg(*args, long) : va_arg(*args, int);
    out_number(o, s < 0 ? -(uint64_t)s : (uint64_t)s, 10, s < 0);
    break;
  case 'u':
  case 'x':
    u = is_long ? va_arg(*args, unsigned long) : va_arg(*args, unsigned);
    out_number(o, u, conv == 'u' ? 10 : 16, false);
    break;
  case 's':
    for (str = va_arg(*args, const char *); *str != '\0'; str++)
      out_char(o, *str);
    break;
  case 'c':
    out_char(o, (char)va_arg(*args, int));
    break;
  default:
    out_char(o, conv);
  }
}

int
vsnprintf(char *buf, size_t size, const char *format, va_list args)
{
  struct out o = {buf, size, 0};
  va_list ap;
  va_copy(ap, args);
  for (const char *f = format; *f != '\0'; f++) {
    if (*f != '%') {
      out_char(&o, *f);
      continue;
    }
    bool is_long = f[1] == 'l';
    f += is_long ? 2 : 1;
    if (*f == '\0')
      break;
    out_conversion(&o, *f, is_long, &ap);
  }
  va_end(ap);
  if (size > 0)
    buf[o.len < size ? o.len : size - 1] = '\0';
  return (int)o.len;
}

int
vprintf(const char *format, va_list args)
{
  char buf[PRINTF_BUF];
  int n = vsnprintf(buf, sizeof buf, format, args);
  write(1, buf, n < PRINTF_BUF ? n : PRINTF_BUF - 1);
  return n;
}

int
printf(const char *format, ...)
{
  va_list args;
  va_start(args, format);
  int n = vprintf(format, args);
  va_end(args);
  return n;
}
