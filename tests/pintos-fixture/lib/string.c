/* SPDX-License-Identifier: MIT */
/* The few string functions the fixture's programs need, byte by byte. */

#include <string.h>

size_t
strlen(const char *s)
{
  size_t n = 0;
  while (s[n] != '\0')
    n++;
  return n;
}

int
strcmp(const char *a, const char *b)
{
  while (*a != '\0' && *a == *b)
    a++, b++;
  return (unsigned char)*a - (unsigned char)*b;
}

void *
memset(void *dst, int value, size_t n)
{
  unsigned char *d = dst;
  while (n-- > 0)
    *d++ = (unsigned char)value;
  return dst;
}

void *
memcpy(void *dst, const void *src, size_t n)
{
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n-- > 0)
    *d++ = *s++;
  return dst;
}

int
memcmp(const void *a, const void *b, size_t n)
{
  const unsigned char *x = a, *y = b;
  for (; n > 0; n--, x++, y++)
    if (*x != *y)
      return *x - *y;
  return 0;
}
