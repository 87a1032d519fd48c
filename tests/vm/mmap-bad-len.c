/* SPDX-License-Identifier: MIT */

/* mmap with length 0 returns NULL, maps nothing and does not kill; a
   length of one byte maps a whole page. */

#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

/* Zero length, then one byte. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 4096);

  msg("length 0: %s", mmap(ADDR, 0, 1, fd, 0) == NULL ? "NULL" : "mapped");
  msg("length 1: %s", mmap(ADDR, 1, 1, fd, 0) == ADDR ? "mapped" : "refused");
  ADDR[4095] = 7;
  msg("last byte of its page usable: %s", yes_no(ADDR[4095] == 7));
}
