/* SPDX-License-Identifier: MIT */
/* Writes a value derived from its index into every page of an 8 MiB BSS
   array, then reads every page back.  In 10 MB of RAM this works only if
   pages go to swap and come back intact. */

#include <stdint.h>

#include "tests/lib.h"
#include "tests/main.h"

#define PAGE 4096
#define PAGES 2048

static uint8_t pages[PAGES][PAGE];

static uint8_t
stamp(int page, int offset)
{
  return (uint8_t)(page * 31 + offset * 7 + 1);
}

void
test_main(void)
{
  for (int p = 0; p < PAGES; p++)
    for (int o = 0; o < PAGE; o += 512)
      pages[p][o] = stamp(p, o);
  int intact = 0;
  for (int p = 0; p < PAGES; p++) {
    int good = 1;
    for (int o = 0; o < PAGE; o += 512)
      good &= pages[p][o] == stamp(p, o);
    intact += good;
  }
  msg("%d of %d pages read back intact", intact, PAGES);
}
