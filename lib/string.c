/* SPDX-License-Identifier: MIT */
/* Memory and string functions for the kernel and the user library.

   The block functions (memcpy, memset, memmove) run a word at a time once
   the pointers allow it: under QEMU's software emulation every guest
   instruction is expensive, and page copies are the hottest loops the VM
   has.  The string functions stay byte-wise and simple.

   GCC may recognise a copy or fill loop and replace it by a call to
   memcpy/memset, which inside memcpy itself would recurse forever; the
   NO_LIBCALL attribute below switches that transformation off here. */

#include <stdint.h>
#include <string.h>

#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

/* A word that may alias any other type, for the word-at-a-time loops. */
typedef uint64_t __attribute__((may_alias)) word_t;

/* Copy SIZE bytes from SRC to DST, which must not overlap.  Returns DST. */
NO_LIBCALL void *
memcpy(void *dst, const void *src, size_t size)
{
  unsigned char *d = dst;
  const unsigned char *s = src;

  if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
    /* Whole words with one string instruction: pages (fork, COW, swap)
       are the common large case. */
    size_t words = size / 8;
    asm volatile("rep movsq" : "+D"(d), "+S"(s), "+c"(words) : : "memory");
    size %= 8;
  }
  while (size-- > 0)
    *d++ = *s++;
  return dst;
}

/* Copy SIZE bytes from SRC to DST; the two may overlap.  Returns DST. */
NO_LIBCALL void *
memmove(void *dst, const void *src, size_t size)
{
  unsigned char *d = dst;
  const unsigned char *s = src;

  /* Copying forward is safe unless DST starts inside SRC. */
  if (d <= s || d >= s + size)
    return memcpy(dst, src, size);
  d += size;
  s += size;
  while (size-- > 0)
    *--d = *--s;
  return dst;
}

/* Compare SIZE bytes of A and B as unsigned chars.  Returns <0, 0 or >0. */
int
memcmp(const void *a, const void *b, size_t size)
{
  const unsigned char *x = a, *y = b;

  for (; size > 0; size--, x++, y++)
    if (*x != *y)
      return *x < *y ? -1 : 1;
  return 0;
}

/* First occurrence of (unsigned char) CH in the SIZE bytes at BLOCK, or
   NULL. */
void *
memchr(const void *block, int ch, size_t size)
{
  const unsigned char *p = block;

  for (; size > 0; size--, p++)
    if (*p == (unsigned char)ch)
      return (void *)p;
  return NULL;
}

/* Set SIZE bytes at DST to (unsigned char) VALUE.  Returns DST. */
NO_LIBCALL void *
memset(void *dst, int value, size_t size)
{
  unsigned char *d = dst;
  unsigned char byte = (unsigned char)value;

  for (; size > 0 && ((uintptr_t)d & 7) != 0; size--)
    *d++ = byte;
  if (size >= 8) {
    word_t word = byte * 0x0101010101010101ull;
    size_t words = size / 8;
    asm volatile("rep stosq" : "+D"(d), "+c"(words) : "a"(word) : "memory");
    size %= 8;
  }
  while (size-- > 0)
    *d++ = byte;
  return dst;
}

/* Length of S, not counting the NUL. */
size_t
strlen(const char *s)
{
  const char *p = s;

  while (*p != '\0')
    p++;
  return p - s;
}

/* Length of S, but at most MAX_LEN: never reads past S[MAX_LEN - 1]. */
size_t
strnlen(const char *s, size_t max_len)
{
  size_t len = 0;

  while (len < max_len && s[len] != '\0')
    len++;
  return len;
}

/* Compare strings A and B as unsigned chars.  Returns <0, 0 or >0. */
int
strcmp(const char *a, const char *b)
{
  return strncmp(a, b, SIZE_MAX);
}

/* Like strcmp, but compares at most MAX_LEN characters. */
int
strncmp(const char *a, const char *b, size_t max_len)
{
  const unsigned char *x = (const unsigned char *)a;
  const unsigned char *y = (const unsigned char *)b;

  for (; max_len > 0; max_len--, x++, y++) {
    if (*x != *y)
      return *x < *y ? -1 : 1;
    if (*x == '\0')
      break;
  }
  return 0;
}

/* First occurrence of (char) CH in S, or NULL.  CH may be '\0', which finds
   the terminator. */
char *
strchr(const char *s, int ch)
{
  char c = (char)ch;

  for (;; s++) {
    if (*s == c)
      return (char *)s;
    if (*s == '\0')
      return NULL;
  }
}

/* Last occurrence of (char) CH in S, or NULL. */
char *
strrchr(const char *s, int ch)
{
  char c = (char)ch;
  const char *last = NULL;

  for (;; s++) {
    if (*s == c)
      last = s;
    if (*s == '\0')
      return (char *)last;
  }
}

/* Length of the prefix of S made only of characters in ACCEPT. */
size_t
strspn(const char *s, const char *accept)
{
  size_t n = 0;

  while (s[n] != '\0' && strchr(accept, s[n]) != NULL)
    n++;
  return n;
}

/* Length of the prefix of S made only of characters not in REJECT. */
size_t
strcspn(const char *s, const char *reject)
{
  size_t n = 0;

  while (s[n] != '\0' && strchr(reject, s[n]) == NULL)
    n++;
  return n;
}

/* First character of S that is in STOP, or NULL. */
char *
strpbrk(const char *s, const char *stop)
{
  s += strcspn(s, stop);
  return *s != '\0' ? (char *)s : NULL;
}

/* First occurrence of NEEDLE in HAYSTACK, or NULL.  An empty NEEDLE matches
   at HAYSTACK. */
char *
strstr(const char *haystack, const char *needle)
{
  size_t needle_len = strlen(needle);

  for (; *haystack != '\0'; haystack++)
    if (strncmp(haystack, needle, needle_len) == 0)
      return (char *)haystack;
  return needle_len == 0 ? (char *)haystack : NULL;
}

/* Append at most MAX_LEN characters of SRC, then a NUL, to the string DST.
   DST must have room for them.  Returns DST. */
char *
strncat(char *dst, const char *src, size_t max_len)
{
  char *end = dst + strlen(dst);
  size_t len = strnlen(src, max_len);

  memcpy(end, src, len);
  end[len] = '\0';
  return dst;
}

/* Split a string into tokens separated by runs of DELIMITERS.  The first
   call passes the string as S, later calls pass NULL; SAVE_PTR keeps the
   position between calls, so several strings can be split at once.  The
   string is modified: each token is terminated in place.  Returns the next
   token, or NULL when none is left. */
char *
strtok_r(char *s, const char *delimiters, char **save_ptr)
{
  char *token;

  if (s == NULL)
    s = *save_ptr;
  s += strspn(s, delimiters);
  if (*s == '\0') {
    *save_ptr = s;
    return NULL;
  }
  token = s;
  s += strcspn(s, delimiters);
  if (*s != '\0')
    *s++ = '\0';
  *save_ptr = s;
  return token;
}

/* Copy SRC into the SIZE-byte buffer DST, truncating if needed; DST is
   NUL-terminated unless SIZE is 0.  Returns strlen(SRC), so a result >= SIZE
   means the copy was truncated. */
size_t
strlcpy(char *dst, const char *src, size_t size)
{
  size_t src_len = strlen(src);

  if (size > 0) {
    size_t n = src_len < size - 1 ? src_len : size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
  }
  return src_len;
}

/* Append SRC to the string in the SIZE-byte buffer DST, truncating if
   needed and keeping DST NUL-terminated.  Returns the length the whole
   string would have had (>= SIZE means truncated); if DST holds no NUL
   within SIZE bytes, that is SIZE + strlen(SRC) and DST is untouched. */
size_t
strlcat(char *dst, const char *src, size_t size)
{
  size_t dst_len = strnlen(dst, size);

  if (dst_len == size)
    return size + strlen(src);
  return dst_len + strlcpy(dst + dst_len, src, size - dst_len);
}
