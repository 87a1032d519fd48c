/* SPDX-License-Identifier: MIT */

/* pcache-persw -- first boot of pcache-persist: writes page 0 of file
   "kept" with write() and page 1 with a store through a mapping it never
   unmaps (so exit writes it back), then exits; the kernel powers off. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

void
test_main(int argc, char *argv[])
{
  static char page[4096];
  if (!create("kept", 3 * 4096))
    exit(1);
  int fd = open("kept");
  memset(page, 'w', sizeof page);
  if (fd < 0 || write(fd, page, sizeof page) != sizeof page)
    exit(2);
  if (mmap(ADDR, 3 * 4096, 1, fd, 0) != ADDR)
    exit(3);
  memset(ADDR + 4096, 'm', 4096);
  ADDR[2 * 4096 + 5] = 'e';
  exit(0);
}
