/* SPDX-License-Identifier: MIT */

/* Code is read-only in the hardware page table: after reading a byte of
   a text page (so the page is present), a store into it kills. */

#include "tests/vm/vm-lib.h"

/* Reads, then writes its own code. */
void
test_main(int argc, char *argv[])
{
  volatile uint8_t *code = code_address();
  uint8_t byte = *code;

  msg("code readable, page present: %s", yes_no(present((void *)code)));
  *code = byte ^ 0xff;
  fail("survived the store");
}
