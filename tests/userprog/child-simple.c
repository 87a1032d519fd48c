/* SPDX-License-Identifier: MIT */

/* Exec target: prints one line and exits with 81. */

#include "tests/lib.h"

/* Announces itself. */
void
test_main(int argc, char *argv[])
{
  msg("run");
  exit(81);
}
