/* SPDX-License-Identifier: MIT */

/* Runs of spaces between words make no empty arguments. */

#include "tests/userprog/args-dump.h"

/* Prints the arguments. */
void
test_main(int argc, char *argv[])
{
  args_dump(argc, argv);
}
