/* SPDX-License-Identifier: MIT */

/* Several arguments, punctuation included, in order. */

#include "tests/userprog/args-dump.h"

/* Prints the arguments. */
void
test_main(int argc, char *argv[])
{
  args_dump(argc, argv);
}
