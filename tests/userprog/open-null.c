/* SPDX-License-Identifier: MIT */

/* open (NULL) kills the caller (Pagoda's choice). */

#include "tests/lib.h"

/* Passes a NULL name. */
void
test_main(int argc, char *argv[])
{
  msg("open (NULL)");
  open(NULL);
  fail("open (NULL) returned");
}
