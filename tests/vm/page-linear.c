/* SPDX-License-Identifier: MIT */

/* A linear walk over 12 MiB of BSS, more than twice the user memory of
   the 10 MB machine: the first pass writes a pattern (forcing every page
   out to swap in turn), the second reads it all back.  Before the walk
   the untouched BSS costs nothing: its pages are absent.  Also a `make
   bench' workload. */

#include "tests/vm/vm-lib.h"

#define SIZE (12 * MIB)
#define WORDS (SIZE / sizeof(uint64_t))

static uint64_t area[WORDS] __attribute__((aligned(4096)));

/* Counts present pages among 64 spread over the area. */
static int
present_samples(void)
{
  int count = 0, i;

  for (i = 0; i < 64; i++)
    count += present((char *)area + (SIZE / 64) * i);
  return count;
}

/* Writes, then verifies, the whole area. */
void
test_main(int argc, char *argv[])
{
  msg("present sample pages before the walk: %d of 64", present_samples());
  words_fill(area, WORDS, 42);
  msg("first bad word after one pass: %zu of %zu", words_check(area, WORDS, 42),
      (size_t)WORDS);
  msg("first bad word after a second pass: %zu of %zu",
      words_check(area, WORDS, 42), (size_t)WORDS);
}
