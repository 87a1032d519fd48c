/* SPDX-License-Identifier: MIT */

/* open always takes the lowest free fd number. */

#include "tests/lib.h"

/* Opens three fds, closes the middle one and opens again. */
void
test_main(int argc, char *argv[])
{
  int a, b, c;

  create("lowest", 1);
  a = open("lowest");
  b = open("lowest");
  c = open("lowest");
  msg("first three: %d %d %d", a, b, c);
  close(b);
  msg("after closing %d: %d", b, open("lowest"));
}
