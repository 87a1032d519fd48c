/* SPDX-License-Identifier: MIT */

/* Exec helper of mmap-fork-exec: `child-mm ADDR FD' checks that the
   mapping its process had at ADDR before exec is gone (no page present)
   and that ADDR is free again (a new mapping of inherited fd FD there
   works and shows the first byte of the file's page 1, which the process
   stored through its old mapping before exec).  Exits 0. */

#include <stdlib.h>
#include "tests/vm/vm-lib.h"

/* Parses a decimal or 0x-prefixed hexadecimal number. */
static uintptr_t
parse(const char *s)
{
  uintptr_t v = 0;

  if (s[0] == '0' && s[1] == 'x') {
    for (s += 2; *s; s++)
      v = v * 16 + (*s <= '9' ? *s - '0' : (*s | 0x20) - 'a' + 10);
    return v;
  }
  return (uintptr_t)atoi(s);
}

/* Looks at ADDR and maps FD there. */
void
test_main(int argc, char *argv[])
{
  char *addr;
  int fd;

  if (argc != 3)
    fail("usage: child-mm ADDR FD");
  addr = (char *)parse(argv[1]);
  fd = (int)parse(argv[2]);
  msg("old mapping gone: %s", yes_no(!present(addr)));
  msg("address free again: %s", yes_no(mmap(addr, 4096, 0, fd, 4096) == addr));
  msg("file's page 1 through the new mapping: %c", addr[0]);
}
