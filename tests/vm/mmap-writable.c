/* SPDX-License-Identifier: MIT */

/* Any non-zero writable argument gives a writable mapping (1, 2, -1 and
   0x100, whose low byte is zero): the store works and reaches the file. */

#include "tests/vm/vm-lib.h"

static const int flags[] = {1, 2, -1, 0x100};

/* Maps page I of the file with flag I, stores, unmaps, reads back. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 4 * 4096);
  int i;

  for (i = 0; i < 4; i++) {
    char *addr = (char *)0x10000000 + i * 0x10000;
    char byte = 0;

    msg("writable = %d: %s", flags[i],
        mmap(addr, 4096, flags[i], fd, i * 4096) == addr ? "mapped"
                                                         : "refused");
    addr[9] = 'k' + i;
    munmap(addr);
    seek(fd, i * 4096 + 9);
    read(fd, &byte, 1);
    msg("store reached the file: %s", yes_no(byte == 'k' + i));
  }
}
