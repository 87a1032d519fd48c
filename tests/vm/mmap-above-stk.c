/* SPDX-License-Identifier: MIT */

/* The user range ends at KERN_BASE, not at USER_STACK: mappings right
   above the stack, at 0x50000000 and at 0x7000000000 work like any other,
   and their stores reach the file at munmap. */

#include <string.h>
#include "tests/vm/vm-lib.h"

static const uintptr_t addrs[] = {0x47480000UL, 0x50000000UL, 0x7000000000UL};

/* Maps one page of the file at each address, writes, unmaps, reads. */
void
test_main(int argc, char *argv[])
{
  static char expect[4096];
  int fd = create_open("file", 3 * 4096);
  size_t i;

  pattern_write(fd, 3 * 4096, 6);
  for (i = 0; i < 3; i++) {
    char *p = mmap((void *)addrs[i], 4096, 1, fd, i * 4096);
    char byte;

    msg("map at %#lx: %s", (unsigned long)addrs[i],
        p == (char *)addrs[i] ? "mapped" : "refused");
    if (p == NULL)
      continue;
    seek(fd, i * 4096);
    read(fd, expect, 4096);
    msg("shows page %zu of the file: %s", i, yes_no(!memcmp(p, expect, 4096)));
    p[77] = 'A' + i;
    munmap(p);
    seek(fd, i * 4096 + 77);
    read(fd, &byte, 1);
    msg("file byte after munmap: %c", byte);
  }
}
