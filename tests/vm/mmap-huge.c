/* SPDX-License-Identifier: MIT */

/* A 64 GiB mapping of a one-page file is legal (pintos-abi.md 7.3) and
   costs one record: it is accepted, its first page reads the file, a page
   32 GiB in reads zeros, no page is present before it is touched, another
   mapping over any part of it is refused, and munmap gives the range
   back.  (Each page used to cost an allocation at mmap time, so this
   drained the kernel heap for 1.5 s and then failed.) */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x1000000000)        /* 64 GiB */
#define LENGTH ((size_t)64 << 30)          /* 64 GiB */
#define MIDDLE (ADDR + ((size_t)32 << 30)) /* 32 GiB in */

void
test_main(int argc, char *argv[])
{
  int fd = create_open("small", 4096);
  write(fd, "hello", 5);
  msg("64 GiB mapping accepted: %s",
      yes_no(mmap(ADDR, LENGTH, 1, fd, 0) == ADDR));
  msg("nothing present yet: %s", yes_no(!present(ADDR) && !present(MIDDLE)));
  msg("first page reads the file: %s", yes_no(memcmp(ADDR, "hello", 5) == 0));
  msg("a page 32 GiB in reads zeros: %s", yes_no(MIDDLE[100] == 0));
  MIDDLE[100] = 'x';
  msg("and takes a store: %s", yes_no(MIDDLE[100] == 'x'));
  msg("overlapping mapping refused: %s",
      yes_no(mmap(MIDDLE + 4096 * 7, 4096, 1, fd, 0) == NULL));
  munmap(ADDR);
  msg("range free again: %s", yes_no(mmap(MIDDLE, 4096, 1, fd, 0) == MIDDLE));
  munmap(MIDDLE);
  char buf[5];
  seek(fd, 0);
  read(fd, buf, 5);
  msg("file unchanged by the store past its end: %s",
      yes_no(memcmp(buf, "hello", 5) == 0 && filesize(fd) == 4096));
}
