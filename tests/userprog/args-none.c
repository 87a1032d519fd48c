/* SPDX-License-Identifier: MIT */

/* A command line of one word: argc 1, argv[0] the program, argv[1] NULL. */

#include "tests/userprog/args-dump.h"

/* Prints the arguments. */
void
test_main(int argc, char *argv[])
{
  args_dump(argc, argv);
}
