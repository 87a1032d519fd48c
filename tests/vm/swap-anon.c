/* SPDX-License-Identifier: MIT */

/* Anonymous pages through swap on the 8 MB machine: 6 MiB of BSS, nearly
   twice its user memory, is written page by page (each page with its own
   seed), checked backwards, then every other page is rewritten with a new
   seed and everything is checked again, so pages go out and come back
   several times, some of them changed in between. */

#include "tests/vm/vm-lib.h"

#define PAGES (6 * MIB / PAGE)
#define WPP (PAGE / sizeof(uint64_t))

static uint64_t area[PAGES][WPP];

/* The seed of page P in generation GEN (odd pages keep generation 0). */
static uint64_t
seed_of(size_t p, int gen)
{
  return p * 4 + (p % 2 == 0 ? gen : 0);
}

/* Number of pages that hold their generation GEN contents, checking
   from the last page to the first. */
static size_t
good_pages(int gen)
{
  size_t p, good = 0;

  for (p = PAGES; p-- > 0;)
    good += words_check(area[p], WPP, seed_of(p, gen)) == WPP;
  return good;
}

/* Writes, checks, rewrites half, checks. */
void
test_main(int argc, char *argv[])
{
  size_t p;

  for (p = 0; p < PAGES; p++)
    words_fill(area[p], WPP, seed_of(p, 0));
  msg("pages intact after the first pass: %zu of %zu", good_pages(0),
      (size_t)PAGES);
  for (p = 0; p < PAGES; p += 2)
    words_fill(area[p], WPP, seed_of(p, 1));
  msg("pages intact after rewriting half: %zu of %zu", good_pages(1),
      (size_t)PAGES);
}
