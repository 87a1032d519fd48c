/* SPDX-License-Identifier: MIT */

/* A command line of 127 bytes (128 with the NUL), the longest Pintos
   programs build; also reports its length as the program sees it. */

#include <string.h>
#include "tests/userprog/args-dump.h"

/* Prints the arguments and the length of the rebuilt line. */
void
test_main(int argc, char *argv[])
{
  size_t length = 0;
  int i;

  args_dump(argc, argv);
  for (i = 0; i < argc; i++)
    length += strlen(argv[i]) + (i > 0);
  msg("command line length = %zu", length);
}
