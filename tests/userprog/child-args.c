/* SPDX-License-Identifier: MIT */

/* Exec target: prints its arguments. */

#include "tests/userprog/args-dump.h"

/* Prints the arguments. */
void
test_main(int argc, char *argv[])
{
  args_dump(argc, argv);
}
