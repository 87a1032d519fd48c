/* SPDX-License-Identifier: MIT */

/* Exec target of exec-arg-edge: checks that its argv is exactly what the
   parent built.  Word 1 is "<argc>:<length>:" followed by 'b's up to that
   length; word 2, if there is one, is a single 'c'.  Exits 0 when all of
   that holds, argv is 8-byte aligned and argv[argc] is NULL; 1 if not. */

#include <stdlib.h>
#include <string.h>
#include "tests/lib.h"

/* Parses a decimal number at *P, advancing it past the number. */
static size_t
number(const char **p)
{
  size_t n = 0;
  while (**p >= '0' && **p <= '9')
    n = n * 10 + (size_t)(*(*p)++ - '0');
  return n;
}

static bool
argv_ok(int argc, char *argv[])
{
  if ((uintptr_t)argv % 8 != 0 || argc < 2 || argv[argc] != NULL ||
      argv[0] == NULL || strcmp(argv[0], "child-argchk") != 0)
    return false;
  const char *p = argv[1];
  if ((size_t)argc != number(&p) || *p++ != ':')
    return false;
  size_t len = number(&p);
  if (*p++ != ':' || strlen(argv[1]) != len)
    return false;
  for (; *p != '\0'; p++)
    if (*p != 'b')
      return false;
  return argc == 2 || (argc == 3 && strcmp(argv[2], "c") == 0);
}

void
test_main(int argc, char *argv[])
{
  exit(argv_ok(argc, argv) ? 0 : 1);
}
