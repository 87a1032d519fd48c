/* SPDX-License-Identifier: MIT */

/* BSS pages are lazy: none of 16 pages is present before a touch, a
   touched page becomes present (and reads zero), and its untouched
   neighbours stay absent, also after other pages were touched and read
   through system calls. */

#include "tests/vm/vm-lib.h"

#define PAGES 16

static char area[PAGES * 4096] __attribute__((aligned(4096)));

/* Prints which pages of the area are present, as a string of 0/1. */
static void
show(const char *when)
{
  char map[PAGES + 1];
  int i;

  for (i = 0; i < PAGES; i++)
    map[i] = present(area + i * PAGE) ? '1' : '0';
  map[PAGES] = '\0';
  msg("%s: %s", when, map);
}

/* Touches a few pages in different ways. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 100);
  volatile char *p = area;
  char v;

  show("at start");
  v = p[2 * 4096 + 5];
  show("after a load from page 2");
  p[7 * 4096 + 4095] = 1;
  show("after a store to page 7");
  write(fd, area + 11 * 4096, 100);
  show("after write() from page 11");
  seek(fd, 0);
  read(fd, area + 13 * 4096 - 50, 100);
  show("after read() into pages 12-13");
  msg("the loaded page read zero: %s", yes_no(v == 0));
}
