/* SPDX-License-Identifier: MIT */
#ifndef LIB_STRING_H
#define LIB_STRING_H

/* Memory and string functions with their standard C meanings, plus the BSD
   strlcpy/strlcat that bound every copy by the destination size.  There is
   no strcpy/strcat/strncpy on purpose: they overflow or leave strings
   unterminated. */

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t size);
void *memmove(void *dst, const void *src, size_t size);
int memcmp(const void *a, const void *b, size_t size);
void *memchr(const void *block, int ch, size_t size);
void *memset(void *dst, int value, size_t size);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max_len);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t max_len);
char *strchr(const char *s, int ch);
char *strrchr(const char *s, int ch);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *stop);
char *strstr(const char *haystack, const char *needle);
char *strncat(char *dst, const char *src, size_t max_len);
char *strtok_r(char *s, const char *delimiters, char **save_ptr);
size_t strlcpy(char *dst, const char *src, size_t size);
size_t strlcat(char *dst, const char *src, size_t size);

#endif
