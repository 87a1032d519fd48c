/* SPDX-License-Identifier: MIT */

/* The int 0x42 gate: 0 for NULL, kernel, non-canonical and untouched
   addresses; a non-zero, page-aligned identity for present pages, equal
   within a page and different across pages; inspection never brings a
   page in. */

#include <stdint.h>
#include "tests/lib.h"

static char untouched[3 * 4096] __attribute__((aligned(4096)));

static const char *
zero_or_not(void *frame)
{
  return frame == NULL ? "0" : "non-zero";
}

/* Probes the gate with assorted addresses. */
void
test_main(int argc, char *argv[])
{
  char local[64];
  void *a, *b;

  local[0] = 1;
  msg("NULL: %s", zero_or_not(get_phys_addr(NULL)));
  msg("KERN_BASE: %s", zero_or_not(get_phys_addr(KERNEL_ADDR)));
  msg("upper half: %s",
      zero_or_not(get_phys_addr((void *)0xffffffff80100000UL)));
  msg("non-canonical: %s",
      zero_or_not(get_phys_addr((void *)0x8000000000000000UL)));
  msg("unmapped: %s", zero_or_not(get_phys_addr(UNMAPPED_ADDR)));
  msg("untouched BSS: %s", zero_or_not(get_phys_addr(untouched + 4096)));
  msg("untouched BSS again: %s", zero_or_not(get_phys_addr(untouched + 4096)));
  untouched[4096 + 100] = 1;
  untouched[2 * 4096] = 1;
  a = get_phys_addr(untouched + 4096);
  b = get_phys_addr(untouched + 4096 + 4000);
  msg("after a store: %s, page-aligned: %s", zero_or_not(a),
      ((uintptr_t)a & 0xfff) == 0 ? "yes" : "no");
  msg("same page, same frame: %s", a == b ? "yes" : "no");
  msg("next page, other frame: %s",
      get_phys_addr(untouched + 2 * 4096) != a ? "yes" : "no");
  msg("stack: %s", zero_or_not(get_phys_addr(local)));
  msg("code: %s", zero_or_not(get_phys_addr(code_address())));
}
