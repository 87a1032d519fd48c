/* SPDX-License-Identifier: MIT */

/* create fails for a name that exists and leaves the file alone. */

#include "tests/lib.h"

/* Creates a name twice and checks the first file kept its size. */
void
test_main(int argc, char *argv[])
{
  msg("first create = %d", create("twice", 10));
  msg("second create = %d", create("twice", 20));
  msg("filesize = %d", filesize(open_checked("twice")));
}
