/* SPDX-License-Identifier: MIT */

/* open fails with -1, without a kill, for a missing file and for an empty
   name. */

#include "tests/lib.h"

/* Opens names that cannot exist. */
void
test_main(int argc, char *argv[])
{
  msg("missing: %d", open("no-such-file"));
  msg("empty: %d", open(""));
}
