/* SPDX-License-Identifier: MIT */

/* Mapped file pages load lazily, one page per touch (no read-ahead):
   after mmap no page of an 8-page mapping is present; a load from page 3
   brings in page 3 only, a store to page 5 page 5 only. */

#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)
#define PAGES 8

/* Prints which pages of the mapping are present, as a string of 0/1. */
static void
show(const char *when)
{
  char map[PAGES + 1];
  int i;

  for (i = 0; i < PAGES; i++)
    map[i] = present(ADDR + i * PAGE) ? '1' : '0';
  map[PAGES] = '\0';
  msg("%s: %s", when, map);
}

/* Maps and touches. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", PAGES * 4096);
  volatile char *p = ADDR;
  char v;

  pattern_write(fd, PAGES * 4096, 77);
  if (mmap(ADDR, PAGES * 4096, 1, fd, 0) != ADDR)
    fail("mmap failed");
  show("after mmap");
  v = p[3 * 4096 + 17];
  show("after a load from page 3");
  p[5 * 4096] = v;
  show("after a store to page 5");
}
