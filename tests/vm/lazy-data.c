/* SPDX-License-Identifier: MIT */

/* Pages of the program file load lazily too: of a 4-page initialised
   array and a 4-page constant table, no page is present until touched;
   touching one page brings in that page with its initial values. */

#include "tests/vm/vm-lib.h"

#define PAGES 4
#define INTS (PAGES * 1024)

static int data[INTS] __attribute__((aligned(4096))) = {
    [0] = 10, [1024] = 11, [2048] = 12, [3072] = 13};
static const int table[INTS] __attribute__((aligned(4096))) = {
    [0] = 20, [1024] = 21, [2048] = 22, [3072] = 23};

/* Which pages of BASE are present, as a string of 0/1. */
static void
show(const char *what, const int *base)
{
  char map[PAGES + 1];
  int i;

  for (i = 0; i < PAGES; i++)
    map[i] = present(base + i * 1024) ? '1' : '0';
  map[PAGES] = '\0';
  msg("%s: %s", what, map);
}

/* Looks, touches one page of each, looks again. */
void
test_main(int argc, char *argv[])
{
  volatile const int *d = data, *t = table;
  int a, b;

  show("data at start", data);
  show("table at start", table);
  a = d[2048];
  b = t[1024];
  show("data after a load from page 2", data);
  show("table after a load from page 1", table);
  msg("values loaded: %d %d", a, b);
}
