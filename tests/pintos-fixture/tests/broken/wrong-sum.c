/* SPDX-License-Identifier: MIT */
/* Prints a sum its checker disagrees with. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main(void)
{
  volatile int two = 2;
  msg("2 + 2 = %d", two + two);
}
