/* SPDX-License-Identifier: MIT */
/* The printf engine shared by the kernel and user programs.

   __vprintf walks the format once.  Each conversion is parsed into a
   struct conversion (flags, width, precision, length), its argument is
   fetched with the right type, and a small emitter lays the field out:

       [spaces] [sign] [0x prefix] [zeros] digits-or-text [spaces]

   Output goes one character at a time through a callback, so the same
   engine writes to the console, to a buffer (vsnprintf), or anywhere a
   caller likes, and needs no memory of its own. */

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* Conversion flags. */
enum {
  FLAG_MINUS = 1 << 0, /* Left-justify in the field. */
  FLAG_PLUS = 1 << 1,  /* Always print a sign for signed conversions. */
  FLAG_SPACE = 1 << 2, /* Space in place of a plus sign. */
  FLAG_HASH = 1 << 3,  /* Alternate form: 0 for octal, 0x for hex. */
  FLAG_ZERO = 1 << 4,  /* Pad with zeros instead of spaces. */
};

/* Length modifiers. */
enum length {
  LEN_CHAR,
  LEN_SHORT,
  LEN_INT,
  LEN_LONG,
  LEN_LLONG,
  LEN_MAX,
  LEN_SIZE,
  LEN_PTRDIFF
};

struct conversion {
  unsigned flags;
  int width;     /* Minimum field width. */
  int precision; /* -1 when absent. */
  enum length length;
};

/* Where characters go, and how many went. */
struct sink {
  void (*output)(char, void *aux);
  void *aux;
};

static void
emit(struct sink *sink, char c)
{
  sink->output(c, sink->aux);
}

static void
emit_repeat(struct sink *sink, char c, int count)
{
  for (; count > 0; count--)
    emit(sink, c);
}

static void
emit_text(struct sink *sink, const char *s, size_t len)
{
  for (; len > 0; len--)
    emit(sink, *s++);
}

/* Parse a decimal number or `*' at *FMT into *VALUE; returns false when
   the argument came from `*' and was negative (the caller decides what
   that means). */
static bool
parse_number(const char **fmt, va_list *args, int *value)
{
  if (**fmt == '*') {
    (*fmt)++;
    *value = va_arg(*args, int);
    return *value >= 0;
  }
  *value = 0;
  while (isdigit(**fmt))
    *value = *value * 10 + (*(*fmt)++ - '0');
  return true;
}

static const char *
parse_flags(const char *fmt, struct conversion *c)
{
  for (;; fmt++) {
    switch (*fmt) {
    case '-':
      c->flags |= FLAG_MINUS;
      break;
    case '+':
      c->flags |= FLAG_PLUS;
      break;
    case ' ':
      c->flags |= FLAG_SPACE;
      break;
    case '#':
      c->flags |= FLAG_HASH;
      break;
    case '0':
      c->flags |= FLAG_ZERO;
      break;
    default:
      return fmt;
    }
  }
}

static const char *
parse_length(const char *fmt, struct conversion *c)
{
  c->length = LEN_INT;
  switch (*fmt) {
  case 'h':
    if (*++fmt == 'h') {
      c->length = LEN_CHAR;
      return fmt + 1;
    }
    c->length = LEN_SHORT;
    return fmt;
  case 'l':
    if (*++fmt == 'l') {
      c->length = LEN_LLONG;
      return fmt + 1;
    }
    c->length = LEN_LONG;
    return fmt;
  case 'j':
    c->length = LEN_MAX;
    return fmt + 1;
  case 'z':
    c->length = LEN_SIZE;
    return fmt + 1;
  case 't':
    c->length = LEN_PTRDIFF;
    return fmt + 1;
  default:
    return fmt;
  }
}

/* Parse everything between `%' and the conversion letter; returns a
   pointer to the letter. */
static const char *
parse_conversion(const char *fmt, va_list *args, struct conversion *c)
{
  c->flags = 0;
  fmt = parse_flags(fmt, c);
  if (!parse_number(&fmt, args, &c->width)) {
    /* A negative `*' width means left-justify in its absolute value. */
    c->flags |= FLAG_MINUS;
    c->width = c->width == INT_MIN ? INT_MAX : -c->width;
  }
  c->precision = -1;
  if (*fmt == '.') {
    fmt++;
    if (!parse_number(&fmt, args, &c->precision))
      c->precision = -1;
  }
  return parse_length(fmt, c);
}

static intmax_t
fetch_signed(va_list *args, enum length length)
{
  switch (length) {
  case LEN_CHAR:
    return (signed char)va_arg(*args, int);
  case LEN_SHORT:
    return (short)va_arg(*args, int);
  case LEN_INT:
    return va_arg(*args, int);
  case LEN_LONG:
    return va_arg(*args, long);
  case LEN_LLONG:
    return va_arg(*args, long long);
  case LEN_MAX:
    return va_arg(*args, intmax_t);
  case LEN_SIZE:
    return va_arg(*args, long);
  case LEN_PTRDIFF:
    return va_arg(*args, ptrdiff_t);
  }
  return 0;
}

static uintmax_t
fetch_unsigned(va_list *args, enum length length)
{
  switch (length) {
  case LEN_CHAR:
    return (unsigned char)va_arg(*args, unsigned);
  case LEN_SHORT:
    return (unsigned short)va_arg(*args, unsigned);
  case LEN_INT:
    return va_arg(*args, unsigned);
  case LEN_LONG:
    return va_arg(*args, unsigned long);
  case LEN_LLONG:
    return va_arg(*args, unsigned long long);
  case LEN_MAX:
    return va_arg(*args, uintmax_t);
  case LEN_SIZE:
    return va_arg(*args, size_t);
  case LEN_PTRDIFF:
    return va_arg(*args, unsigned long);
  }
  return 0;
}

/* Lay out an integer field: DIGITS (LEN of them) after SIGN (or 0) and
   PREFIX, padded to the precision with zeros and to the width with spaces
   (or zeros, for the 0 flag). */
static void
emit_number(struct sink *sink, const struct conversion *c, char sign,
            const char *prefix, const char *digits, int len)
{
  int zeros = c->precision > len ? c->precision - len : 0;
  int body = (sign != 0) + (int)strlen(prefix) + zeros + len;
  int pad = c->width > body ? c->width - body : 0;
  bool zero_pad =
      (c->flags & (FLAG_ZERO | FLAG_MINUS)) == FLAG_ZERO && c->precision < 0;

  if (zero_pad) {
    zeros += pad;
    pad = 0;
  }
  if (!(c->flags & FLAG_MINUS))
    emit_repeat(sink, ' ', pad);
  if (sign != 0)
    emit(sink, sign);
  emit_text(sink, prefix, strlen(prefix));
  emit_repeat(sink, '0', zeros);
  emit_text(sink, digits, len);
  if (c->flags & FLAG_MINUS)
    emit_repeat(sink, ' ', pad);
}

/* Format VALUE in BASE (8, 10 or 16; UPPER for X) with sign character
   SIGN, honouring the alternate form for octal and hex. */
static void
format_integer(struct sink *sink, struct conversion *c, uintmax_t value,
               char sign, unsigned base, bool upper)
{
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char buf[24]; /* 22 octal digits cover 64 bits. */
  char *end = buf + sizeof buf, *p = end;
  const char *prefix = "";

  for (; value > 0; value /= base)
    *--p = set[value % base];
  if (p == end && c->precision != 0)
    *--p = '0';
  if (c->flags & FLAG_HASH) {
    if (base == 8 && (p == end || *p != '0'))
      *--p = '0';
    else if (base == 16 && p != end && *p != '0')
      prefix = upper ? "0X" : "0x";
  }
  emit_number(sink, c, sign, prefix, p, end - p);
}

static void
format_signed(struct sink *sink, struct conversion *c, intmax_t value)
{
  char sign = 0;
  uintmax_t magnitude = (uintmax_t)value;

  if (value < 0) {
    sign = '-';
    magnitude = -magnitude;
  } else if (c->flags & FLAG_PLUS) {
    sign = '+';
  } else if (c->flags & FLAG_SPACE) {
    sign = ' ';
  }
  format_integer(sink, c, magnitude, sign, 10, false);
}

/* Emit LEN characters of S padded to the field width. */
static void
format_text(struct sink *sink, const struct conversion *c, const char *s,
            size_t len)
{
  int pad = c->width > (int)len ? c->width - (int)len : 0;

  if (!(c->flags & FLAG_MINUS))
    emit_repeat(sink, ' ', pad);
  emit_text(sink, s, len);
  if (c->flags & FLAG_MINUS)
    emit_repeat(sink, ' ', pad);
}

static void
format_string(struct sink *sink, const struct conversion *c, const char *s)
{
  if (s == NULL)
    s = "(null)";
  format_text(sink, c, s,
              strnlen(s, c->precision < 0 ? SIZE_MAX : (size_t)c->precision));
}

/* Format the argument of conversion letter LETTER.  Returns false for a
   letter we do not know. */
static bool
format_one(struct sink *sink, struct conversion *c, char letter, va_list *args)
{
  char ch;

  switch (letter) {
  case 'd':
  case 'i':
    format_signed(sink, c, fetch_signed(args, c->length));
    break;
  case 'u':
    format_integer(sink, c, fetch_unsigned(args, c->length), 0, 10, false);
    break;
  case 'o':
    format_integer(sink, c, fetch_unsigned(args, c->length), 0, 8, false);
    break;
  case 'x':
  case 'X':
    format_integer(sink, c, fetch_unsigned(args, c->length), 0, 16,
                   letter == 'X');
    break;
  case 'p':
    c->flags |= FLAG_HASH;
    format_integer(sink, c, (uintptr_t)va_arg(*args, void *), 0, 16, false);
    break;
  case 'c':
    ch = (char)va_arg(*args, int);
    format_text(sink, c, &ch, 1);
    break;
  case 's':
    format_string(sink, c, va_arg(*args, const char *));
    break;
  case '%':
    emit(sink, '%');
    break;
  default:
    return false;
  }
  return true;
}

/* See stdio.h.  An unknown conversion is copied to the output as written,
   so the mistake is visible rather than silently skipped. */
void
__vprintf(const char *format, va_list args, void (*output)(char, void *aux),
          void *aux)
{
  struct sink sink = {output, aux};
  va_list ap;

  va_copy(ap, args);
  while (*format != '\0') {
    const char *start = format;
    struct conversion c;

    if (*format != '%') {
      emit(&sink, *format++);
      continue;
    }
    format = parse_conversion(format + 1, &ap, &c);
    if (*format == '\0' || !format_one(&sink, &c, *format, &ap)) {
      emit_text(&sink, start, format - start + (*format != '\0'));
      if (*format == '\0')
        break;
    }
    format++;
  }
  va_end(ap);
}

/* A bounded buffer that still counts what did not fit. */
struct buffer {
  char *p;
  size_t size; /* Bytes available, including room for the NUL. */
  size_t len;  /* Characters produced so far. */
};

static void
buffer_put(char c, void *aux)
{
  struct buffer *b = aux;

  if (b->len + 1 < b->size)
    b->p[b->len] = c;
  b->len++;
}

/* See stdio.h. */
int
vsnprintf(char *buffer, size_t size, const char *format, va_list args)
{
  struct buffer b = {buffer, size, 0};

  __vprintf(format, args, buffer_put, &b);
  if (size > 0)
    buffer[b.len < size ? b.len : size - 1] = '\0';
  return b.len > INT_MAX ? INT_MAX : (int)b.len;
}

/* See stdio.h. */
int
snprintf(char *buffer, size_t size, const char *format, ...)
{
  va_list args;
  int len;

  va_start(args, format);
  len = vsnprintf(buffer, size, format, args);
  va_end(args);
  return len;
}

/* See stdio.h.  Goes through the environment's vprintf. */
int
printf(const char *format, ...)
{
  va_list args;
  int len;

  va_start(args, format);
  len = vprintf(format, args);
  va_end(args);
  return len;
}

/* Print one hex_dump line: the bytes of BUF at columns FIRST..LAST-1 of a
   16-byte row labelled ROW. */
static void
hex_dump_row(uintptr_t row, const uint8_t *buf, size_t first, size_t last,
             bool ascii)
{
  size_t i;

  printf("%016jx ", (uintmax_t)row);
  for (i = 0; i < 16; i++) {
    if (i == 8)
      putchar(' ');
    if (i >= first && i < last)
      printf(" %02x", buf[i - first]);
    else
      printf("   ");
  }
  if (ascii) {
    printf("  |");
    for (i = 0; i < 16; i++) {
      char ch = (i >= first && i < last) ? (char)buf[i - first] : ' ';
      putchar(isprint(ch) ? ch : '.');
    }
    putchar('|');
  }
  putchar('\n');
}

/* See stdio.h.  Rows are aligned to 16 so that equal offsets line up in
   every dump; the first and last rows may be partial. */
void
hex_dump(uintptr_t ofs, const void *buffer, size_t size, bool ascii)
{
  const uint8_t *buf = buffer;

  while (size > 0) {
    size_t first = ofs % 16;
    size_t last = first + size < 16 ? first + size : 16;

    hex_dump_row(ofs - first, buf, first, last, ascii);
    buf += last - first;
    size -= last - first;
    ofs += last - first;
  }
}
