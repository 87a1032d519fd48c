/* SPDX-License-Identifier: MIT */

/* One write of 2000 bytes to the console arrives whole and returns its
   length. */

#include <stdio.h>
#include <string.h>
#include "tests/lib.h"

/* Builds 40 lines of 50 bytes and writes them at once. */
void
test_main(int argc, char *argv[])
{
  static char text[2001];
  int i, n;

  for (i = 0; i < 40; i++)
    snprintf(text + i * 50, 51, "line %02d %-41s\n", i,
             "of a single large console write");
  n = write(STDOUT_FILENO, text, strlen(text));
  msg("write returned %d", n);
}
