/* SPDX-License-Identifier: MIT */

/* mmap refuses address 0 and addresses that are not page-aligned with
   NULL and does not kill; the same file maps fine at an aligned address
   afterwards. */

#include "tests/vm/vm-lib.h"

/* Tries each bad address, then a good one. */
void
test_main(int argc, char *argv[])
{
  static const uintptr_t bad[] = {0,          1,          0x10000001,
                                  0x10000800, 0x10000fff, 0x47480008};
  int fd = create_open("file", 4096);
  size_t i;

  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    msg("mmap at %#lx: %s", (unsigned long)bad[i],
        mmap((void *)bad[i], 4096, 1, fd, 0) == NULL ? "NULL" : "mapped");
  msg("aligned address afterwards: %s",
      mmap((void *)0x10000000, 4096, 1, fd, 0) == (void *)0x10000000
          ? "mapped"
          : "refused");
}
