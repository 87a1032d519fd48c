/* SPDX-License-Identifier: MIT */

/* A file of length 0 cannot be mapped (Pagoda returns NULL); a file of
   one byte can, and the rest of its page reads as zeros. */

#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

/* Maps an empty file, then a one-byte file. */
void
test_main(int argc, char *argv[])
{
  int empty = create_open("empty", 0);
  int one = create_open("one", 1);
  int zeros = 0, i;

  write(one, "Q", 1);
  msg("empty file: %s",
      mmap(ADDR, 4096, 1, empty, 0) == NULL ? "NULL" : "mapped");
  msg("one-byte file: %s",
      mmap(ADDR, 4096, 1, one, 0) == ADDR ? "mapped" : "refused");
  for (i = 1; i < 4096; i++)
    zeros += ADDR[i] == 0;
  msg("byte 0 is %c, zero bytes after it: %d", ADDR[0], zeros);
}
