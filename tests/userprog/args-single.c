/* SPDX-License-Identifier: MIT */

/* One argument after the program name. */

#include "tests/userprog/args-dump.h"

/* Prints the arguments. */
void
test_main(int argc, char *argv[])
{
  args_dump(argc, argv);
}
