/* SPDX-License-Identifier: MIT */

/* Negative and extreme statuses survive the trip as 32-bit ints. */

#include <limits.h>
#include "tests/lib.h"

/* Exits with INT_MIN (sign-extended to 64 bits by the wrapper). */
void
test_main(int argc, char *argv[])
{
  int status = INT_MIN;

  msg("calling exit(%d)", status);
  exit(status);
}
