/* SPDX-License-Identifier: MIT */

/* The tight anonymous machine (10 MB) with a read-only mapping beside
   the BSS: 10 MiB of BSS is written and checked while, after every 8 BSS
   pages, one page of a 2 MiB read-only mapping is checked too, so clean
   file pages (dropped, re-read) and anonymous pages (swapped) take turns
   in the same frames. */

#include "tests/vm/vm-lib.h"

#define MAP ((const uint64_t *)0x20000000)
#define MAP_SIZE (2 * MIB)
#define MAP_PAGES (MAP_SIZE / PAGE)
#define PAGES (10 * MIB / PAGE)
#define WPP (PAGE / sizeof(uint64_t))

static uint64_t area[PAGES * WPP];

/* Writes the mapped file's words of pattern 3, page by page. */
static int
make_file(void)
{
  static uint64_t page[WPP];
  int fd = create_open("ro", MAP_SIZE);
  size_t p, i;

  for (p = 0; p < MAP_PAGES; p++) {
    for (i = 0; i < WPP; i++)
      page[i] = word_at(p * WPP + i, 3);
    write(fd, page, PAGE);
  }
  return fd;
}

/* One pass over the BSS (filling if FILL, else checking) with a mapped
   page checked every 8 pages; returns the bad pages of both kinds. */
static size_t
pass(bool fill)
{
  size_t p, bad = 0, m = 0;

  for (p = 0; p < PAGES; p++) {
    if (fill)
      words_fill(area + p * WPP, WPP, 1000 + p);
    else
      bad += words_check(area + p * WPP, WPP, 1000 + p) != WPP;
    if (p % 8 == 0) {
      bad += words_check_at(MAP + m * WPP, m * WPP, WPP, 3) != WPP;
      m = (m + 1) % MAP_PAGES;
    }
  }
  return bad;
}

/* Maps the file and runs a filling pass and a checking pass. */
void
test_main(int argc, char *argv[])
{
  int fd = make_file();

  if (mmap((void *)MAP, MAP_SIZE, 0, fd, 0) != MAP)
    fail("mmap failed");
  msg("bad pages while filling: %zu", pass(true));
  msg("bad pages while checking: %zu", pass(false));
}
