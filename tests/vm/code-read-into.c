/* SPDX-License-Identifier: MIT */

/* read() into read-only program memory kills, even when the page has not
   been loaded yet: the target is a page of a large constant table that
   nothing has touched.  A zero-length read there is harmless. */

#include "tests/vm/vm-lib.h"

static const uint8_t table[4 * 4096] __attribute__((aligned(4096))) = {1};

/* Reads zero bytes, then 100 bytes, into the table. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("source", 100);
  uint8_t *target = (uint8_t *)table + 2 * PAGE;

  msg("table page untouched: %s", yes_no(!present(target)));
  msg("zero-length read: %d", read(fd, target, 0));
  msg("reading into the read-only table");
  read(fd, target, 100);
  fail("the call returned");
}
