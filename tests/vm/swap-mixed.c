/* SPDX-License-Identifier: MIT */

/* Anonymous and file pages competing on the 8 MB machine: 2.5 MiB of BSS,
   a 2 MiB writable mapping and a 2 MiB read-only mapping are walked in
   step, page by page, three times (write, check, check), so the evictor
   sees all three kinds at once.  The writable file's stores reach it. */

#include "tests/vm/vm-lib.h"

#define RW ((uint64_t *)0x10000000)
#define RO ((const uint64_t *)0x20000000)
#define MAP_SIZE (2 * MIB)
#define ANON_SIZE (5 * MIB / 2)
#define WPP (PAGE / sizeof(uint64_t))

static uint64_t anon[ANON_SIZE / sizeof(uint64_t)];

/* Creates file NAME of 2 MiB holding the words of pattern SEED. */
static int
make_file(const char *name, uint64_t seed)
{
  static uint64_t page[WPP];
  int fd = create_open(name, MAP_SIZE);
  size_t p;

  for (p = 0; p < MAP_SIZE / PAGE; p++) {
    size_t i;

    for (i = 0; i < WPP; i++)
      page[i] = word_at(p * WPP + i, seed);
    write(fd, page, PAGE);
  }
  return fd;
}

/* One step over every page of all three areas; WRITE fills the anonymous
   and writable ones, else all are checked.  Returns the bad pages. */
static size_t
walk(bool write)
{
  size_t p, bad = 0, anon_pages = ANON_SIZE / PAGE;

  for (p = 0; p < anon_pages || p < MAP_SIZE / PAGE; p++) {
    if (p < anon_pages && write)
      words_fill(anon + p * WPP, WPP, 900 + p);
    else if (p < anon_pages)
      bad += words_check(anon + p * WPP, WPP, 900 + p) != WPP;
    if (p < MAP_SIZE / PAGE) {
      if (write)
        words_fill(RW + p * WPP, WPP, 700 + p);
      else
        bad += words_check(RW + p * WPP, WPP, 700 + p) != WPP;
      bad += words_check_at(RO + p * WPP, p * WPP, WPP, 2) != WPP;
    }
  }
  return bad;
}

/* Sets up the mappings, walks, checks the writable file. */
void
test_main(int argc, char *argv[])
{
  static uint64_t page[WPP];
  int rw = make_file("rw", 1), ro = make_file("ro", 2);
  size_t p, good = 0;

  if (mmap(RW, MAP_SIZE, 1, rw, 0) != RW ||
      mmap((void *)RO, MAP_SIZE, 0, ro, 0) != RO)
    fail("mmap failed");
  msg("bad pages in the writing pass: %zu", walk(true));
  msg("bad pages in the first check: %zu", walk(false));
  msg("bad pages in the second check: %zu", walk(false));
  munmap(RW);
  seek(rw, 0);
  for (p = 0; p < MAP_SIZE / PAGE; p++) {
    read(rw, page, PAGE);
    good += words_check(page, WPP, 700 + p) == WPP;
  }
  msg("writable file pages right after munmap: %zu of %zu", good,
      (size_t)(MAP_SIZE / PAGE));
}
