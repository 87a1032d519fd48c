/* SPDX-License-Identifier: MIT */

/* The initial process is named after word 0 of its command line, cut to
   15 bytes for the exit line; argv[0] itself is complete. */

#include <string.h>
#include "tests/lib.h"

/* Prints the length of argv[0]; the exit line shows the cut name. */
void
test_main(int argc, char *argv[])
{
  msg("argv[0] has %d characters", (int)strlen(argv[0]));
  exit(3);
}
