/* SPDX-License-Identifier: MIT */

/* mmap refuses negative offsets and offsets that are not multiples of
   4096 with NULL; offset 4096 of a two-page file works and shows the
   second page. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

/* Tries each bad offset, then a good one. */
void
test_main(int argc, char *argv[])
{
  static const int bad[] = {-4096, -1,  (int)0x80000000, 1, 100, 2048,
                            4095,  4097};
  static char page[4096];
  int fd = create_open("file", 8192);
  size_t i;

  pattern_write(fd, 8192, 3);
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    msg("offset %d: %s", bad[i],
        mmap(ADDR, 4096, 1, fd, bad[i]) == NULL ? "NULL" : "mapped");
  msg("offset 4096: %s",
      mmap(ADDR, 4096, 1, fd, 4096) == ADDR ? "mapped" : "refused");
  seek(fd, 4096);
  read(fd, page, 4096);
  msg("shows the second page: %s", yes_no(!memcmp(ADDR, page, 4096)));
}
