/* SPDX-License-Identifier: MIT */

/* mmap maps a file at the requested address, lazily; a store through the
   mapping reaches the file when munmap writes it back, and the range is
   gone afterwards. */

#include "tests/lib.h"

#define MAP_ADDR ((char *)0x10000000)

/* Maps a two-page file, reads, writes and unmaps it. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("mapped", 8192);
  char byte;
  char *map;

  pattern_write(fd, 8192, 17);
  map = mmap(MAP_ADDR, 8192, 1, fd, 0);
  msg("mmap returned the address: %s", map == MAP_ADDR ? "yes" : "no");
  msg("nothing present yet: %s",
      get_phys_addr(MAP_ADDR + 4096) == NULL ? "yes" : "no");
  msg("first mismatch at %zu", pattern_check(map, 8192, 17));
  map[5000] = 'M';
  munmap(map);
  seek(fd, 5000);
  read(fd, &byte, 1);
  msg("file byte 5000 after munmap: %c", byte);
  msg("range unmapped: %s", get_phys_addr(MAP_ADDR) == NULL ? "yes" : "no");
}
