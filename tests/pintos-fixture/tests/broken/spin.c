/* SPDX-License-Identifier: MIT */
/* Never ends: the run must hit its 5-second TIMEOUT. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main(void)
{
  volatile int forever = 1;
  while (forever)
    continue;
}
