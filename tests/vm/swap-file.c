/* SPDX-License-Identifier: MIT */

/* File-backed pages under pressure on the 8 MB machine: a 4 MiB file,
   larger than user memory, is mapped writable and read through the
   mapping (clean pages are dropped and re-read), then a stamp is stored
   into every page (dirty pages evicted are written to the file, and read
   back from it when touched again).  The stamps are checked through the
   mapping and, after munmap, through read(). */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)
#define SIZE (4 * MIB)
#define PAGES (SIZE / PAGE)

/* The stamp stored at offset 120 of page P. */
static uint32_t
stamp(size_t p)
{
  return (uint32_t)(p * 2654435761u) | 1;
}

/* Counts pages whose stamp is right, through the mapping. */
static size_t
stamps_in_map(void)
{
  size_t p, good = 0;

  for (p = 0; p < PAGES; p++)
    good += *(uint32_t *)(ADDR + p * PAGE + 120) == stamp(p);
  return good;
}

/* Counts pages whose stamp is right, and other bytes are the pattern,
   reading the file with read(). */
static size_t
stamps_in_file(int fd)
{
  static uint8_t page[PAGE], want[PAGE];
  size_t p, good = 0;

  seek(fd, 0);
  for (p = 0; p < PAGES; p++) {
    if (read(fd, page, PAGE) != PAGE)
      break;
    pattern_fill(want, PAGE, p);
    *(uint32_t *)(want + 120) = stamp(p);
    good += memcmp(page, want, PAGE) == 0;
  }
  return good;
}

/* Writes the file page by page, maps it, reads, stamps, checks. */
void
test_main(int argc, char *argv[])
{
  static uint8_t page[PAGE];
  int fd = create_open("big", SIZE);
  size_t p, good = 0;

  for (p = 0; p < PAGES; p++) {
    pattern_fill(page, PAGE, p);
    write(fd, page, PAGE);
  }
  if (mmap(ADDR, SIZE, 1, fd, 0) != ADDR)
    fail("mmap failed");
  for (p = 0; p < PAGES; p++)
    good += pattern_check(ADDR + p * PAGE, PAGE, p) == PAGE;
  msg("pages read right through the mapping: %zu of %zu", good, (size_t)PAGES);
  for (p = 0; p < PAGES; p++)
    *(uint32_t *)(ADDR + p * PAGE + 120) = stamp(p);
  msg("stamps seen through the mapping: %zu of %zu", stamps_in_map(),
      (size_t)PAGES);
  munmap(ADDR);
  msg("pages right in the file after munmap: %zu of %zu", stamps_in_file(fd),
      (size_t)PAGES);
}
