/* SPDX-License-Identifier: MIT */

/* A mapped page whose write-back fails (manifest key fs-fault: every write
   of fault.txt's first sector fails) is not dropped: eviction keeps it,
   so the store made through the mapping is still there after memory
   pressure, and munmap's failed write-back kills no one.  (Write-back used
   to ignore short writes: the page was dropped as if saved and re-read
   from the disk, losing the store.) */

#include "tests/vm/vm-lib.h"

#define ADDR ((volatile char *)0x10000000)
#define PRESSURE_PAGES 3072

static volatile uint8_t pressure[PRESSURE_PAGES][4096];

void
test_main(int argc, char *argv[])
{
  int fd = open_checked("fault.txt");
  if (mmap((void *)ADDR, 4096, 1, fd, 0) != ADDR)
    fail("mmap failed");
  char old = ADDR[7];
  ADDR[7] = old == 'X' ? 'Y' : 'X';
  char want = ADDR[7];
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < PRESSURE_PAGES; i++)
      pressure[i][0] = (uint8_t)pass;
  msg("the store survives a failed write-back: %s", yes_no(ADDR[7] == want));
  munmap((void *)ADDR);
  char c = 0;
  seek(fd, 7);
  read(fd, &c, 1);
  msg("the file keeps its old byte: %s", yes_no(c == old));
}
