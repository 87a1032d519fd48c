/* SPDX-License-Identifier: MIT */

/* With a page cache a mapping and read()/write() see one copy of a file
   page: a write() shows in a live mapping of the file at once, a store
   through the mapping shows in read() before any munmap, and a second
   mapping of the same page sees the first one's store. */

#include "tests/vm/vm-lib.h"

#define A ((volatile char *)0x10000000)
#define B ((volatile char *)0x20000000)

void
test_main(int argc, char *argv[])
{
  int fd = create_open("data", 8192);
  char c = 'w';
  seek(fd, 100);
  write(fd, &c, 1);
  if (mmap((void *)A, 8192, 1, fd, 0) != A ||
      mmap((void *)B, 8192, 1, fd, 0) != B)
    fail("mmap failed");
  msg("the mapping sees the earlier write: %s", yes_no(A[100] == 'w'));
  c = 'x';
  seek(fd, 100);
  write(fd, &c, 1);
  msg("the mapping sees a later write: %s", yes_no(A[100] == 'x'));
  A[4096 + 7] = 'm';
  char back = 0;
  seek(fd, 4096 + 7);
  read(fd, &back, 1);
  msg("read sees the store through the mapping: %s", yes_no(back == 'm'));
  msg("another mapping sees it too: %s", yes_no(B[4096 + 7] == 'm'));
  msg("both map one frame: %s", yes_no(get_phys_addr((void *)(A + 4096)) ==
                                       get_phys_addr((void *)(B + 4096))));
  munmap((void *)A);
  munmap((void *)B);
  back = 0;
  seek(fd, 4096 + 7);
  read(fd, &back, 1);
  msg("after munmap the file still has it: %s", yes_no(back == 'm'));
}
