/* SPDX-License-Identifier: MIT */

/* Twenty-three words: many single-character arguments. */

#include "tests/userprog/args-dump.h"

/* Prints the arguments. */
void
test_main(int argc, char *argv[])
{
  args_dump(argc, argv);
}
