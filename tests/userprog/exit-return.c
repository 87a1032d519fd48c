/* SPDX-License-Identifier: MIT */

/* Returning from main reaches exit through _start with main's value. */

#include "tests/lib.h"

/* Makes main return 42. */
void
test_main(int argc, char *argv[])
{
  test_exit_status = 6 * 7;
  msg("returning %d from main", test_exit_status);
}
