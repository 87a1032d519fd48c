/* SPDX-License-Identifier: MIT */

/* A mapping may be longer than its file: the tail of the last file page
   and the whole pages after it read as zeros and can be written, but
   write-back stops at the end of the file, which never grows. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)
#define LEN 5000

/* Counts non-zero bytes in [FROM, TO) of the mapping. */
static int
nonzero(int from, int to)
{
  int n = 0, i;

  for (i = from; i < to; i++)
    n += ADDR[i] != 0;
  return n;
}

/* Maps 3 pages of a 5000-byte file. */
void
test_main(int argc, char *argv[])
{
  static char back[LEN], want[LEN];
  int fd = create_open("file", LEN);
  char probe;

  pattern_write(fd, LEN, 8);
  msg("mmap of 3 pages: %s",
      mmap(ADDR, 3 * 4096, 1, fd, 0) == ADDR ? "mapped" : "refused");
  msg("file bytes right: %s", yes_no(pattern_check(ADDR, LEN, 8) == LEN));
  msg("non-zero bytes past the end: %d", nonzero(LEN, 3 * 4096));
  ADDR[100] = 'X';
  ADDR[6000] = 'Y';
  ADDR[9000] = 'Z';
  munmap(ADDR);
  msg("file size after munmap: %d", filesize(fd));
  seek(fd, 0);
  read(fd, back, LEN);
  pattern_fill(want, LEN, 8);
  want[100] = 'X';
  msg("file is the pattern with byte 100 = X: %s",
      yes_no(!memcmp(back, want, LEN)));
  seek(fd, LEN);
  msg("read at the end: %d", read(fd, &probe, 1));
}
