/* SPDX-License-Identifier: MIT */

/* Exec target: prints nothing and exits with the status in argv[1]. */

#include <stdlib.h>
#include "tests/lib.h"

/* Exits with atoi (argv[1]), or 0. */
void
test_main(int argc, char *argv[])
{
  exit(argc > 1 ? atoi(argv[1]) : 0);
}
