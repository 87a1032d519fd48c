/* SPDX-License-Identifier: MIT */

/* One file mapped three times: twice through the same fd and once through
   a second open.  Each mapping shows the file; stores to different pages
   through different mappings all reach the file. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define SIZE (3 * 4096)

static char *const maps[] = {(char *)0x10000000, (char *)0x20000000,
                             (char *)0x30000000};

/* Maps, compares, stores one page through each mapping, unmaps. */
void
test_main(int argc, char *argv[])
{
  static char want[SIZE], back[SIZE];
  int fd = create_open("file", SIZE), fd2;
  int i;

  pattern_write(fd, SIZE, 21);
  pattern_fill(want, SIZE, 21);
  fd2 = open_checked("file");
  for (i = 0; i < 3; i++) {
    void *r = mmap(maps[i], SIZE, 1, i < 2 ? fd : fd2, 0);

    msg("mapping %d: %s, shows the file: %s", i,
        r == maps[i] ? "mapped" : "refused",
        yes_no(r == maps[i] && !memcmp(maps[i], want, SIZE)));
  }
  for (i = 0; i < 3; i++) {
    memset(maps[i] + i * 4096 + 100, 'a' + i, 50);
    memset(want + i * 4096 + 100, 'a' + i, 50);
  }
  for (i = 0; i < 3; i++)
    munmap(maps[i]);
  read(fd2, back, SIZE);
  msg("every page's stores reached the file: %s",
      yes_no(!memcmp(back, want, SIZE)));
}
