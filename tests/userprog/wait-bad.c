/* SPDX-License-Identifier: MIT */

/* wait on pids that are not children returns -1 at once, never kills. */

#include <limits.h>
#include "tests/lib.h"

/* Waits for nonsense pids. */
void
test_main(int argc, char *argv[])
{
  msg("wait (0) = %d", wait(0));
  msg("wait (-1) = %d", wait(-1));
  msg("wait (INT_MIN) = %d", wait(INT_MIN));
  msg("wait (INT_MAX) = %d", wait(INT_MAX));
  msg("wait (4321) = %d", wait(4321));
}
