/* SPDX-License-Identifier: MIT */

/* Shared body of the seg-share-* tests: each is linked with its own script
   (tests/vm/seg-share-*.lds) so that a writable piece of the program lands
   on a page that a read-only segment also covers.  Such a page is
   writable, and once loaded it is anonymous (pintos-abi.md 7.6): a value
   stored there must survive eviction, not be re-read from the program
   file.  WORD is the variable on the shared page; it starts at 7. */

#include "tests/vm/vm-lib.h"

#define PRESSURE_PAGES 6144 /* 24 MB, well over the 10 MB machine. */

static volatile uint8_t pressure[PRESSURE_PAGES][4096];

/* Stores into WORD, makes the machine evict everything, reads WORD back. */
static void
seg_share_run(volatile uint64_t *word)
{
  msg("initial value: %llu", (unsigned long long)*word);
  *word = 1234567;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < PRESSURE_PAGES; i++)
      pressure[i][0] = (uint8_t)i;
  msg("page evicted meanwhile: %s", yes_no(!present((const void *)word)));
  msg("value after eviction: %llu", (unsigned long long)*word);
}
