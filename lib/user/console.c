/* SPDX-License-Identifier: MIT */

/* Console output for user programs.

   printf and friends format into a buffer on the stack and hand it to
   write (STDOUT_FILENO) in one piece, flushing early only when it fills.
   Since the kernel makes each console write atomic, a line printed with
   one printf call is never interleaved with another process's output. */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syscall.h>

/* Bytes collected before a write; one printf up to this size is atomic. */
#define CONSOLE_BUFFER 1024

/* Output under construction: where it goes and what is pending. */
struct console_buffer {
  int fd;
  size_t used;
  int total; /* Characters produced so far, flushed or not. */
  char bytes[CONSOLE_BUFFER];
};

static void
buffer_flush(struct console_buffer *b)
{
  if (b->used > 0)
    write(b->fd, b->bytes, b->used);
  b->used = 0;
}

static void
buffer_put(char c, void *aux)
{
  struct console_buffer *b = aux;

  if (b->used == sizeof b->bytes)
    buffer_flush(b);
  b->bytes[b->used++] = c;
  b->total++;
}

static void
buffer_puts(struct console_buffer *b, const char *s)
{
  while (*s != '\0')
    buffer_put(*s++, b);
}

/* Formats FORMAT with ARGS to FD in as few writes as possible (one when
   the text fits in CONSOLE_BUFFER bytes); returns the number of
   characters. */
int
vhprintf(int fd, const char *format, va_list args)
{
  struct console_buffer b;

  b.fd = fd;
  b.used = 0;
  b.total = 0;
  __vprintf(format, args, buffer_put, &b);
  buffer_flush(&b);
  return b.total;
}

/* Formats FORMAT with ARGS to fd 1; see vhprintf. */
int
vprintf(const char *format, va_list args)
{
  return vhprintf(STDOUT_FILENO, format, args);
}

/* Like printf, but to FD. */
int
hprintf(int fd, const char *format, ...)
{
  va_list args;
  int length;

  va_start(args, format);
  length = vhprintf(fd, format, args);
  va_end(args);
  return length;
}

/* Writes S and a newline to fd 1 in one write (if it fits). */
int
puts(const char *s)
{
  struct console_buffer b;

  b.fd = STDOUT_FILENO;
  b.used = 0;
  b.total = 0;
  buffer_puts(&b, s);
  buffer_put('\n', &b);
  buffer_flush(&b);
  return 0;
}

/* Writes the character C to fd 1; returns C. */
int
putchar(int c)
{
  char ch = c;

  write(STDOUT_FILENO, &ch, 1);
  return c;
}
