/* SPDX-License-Identifier: MIT */

/* A process can hold 200 open files; they take the lowest free numbers,
   and closing them all frees the numbers again. */

#include "tests/lib.h"

#define COUNT 200

/* Opens one file COUNT times. */
void
test_main(int argc, char *argv[])
{
  static int fds[COUNT];
  int in_order = 0, i;

  create("many", 1);
  for (i = 0; i < COUNT; i++) {
    fds[i] = open("many");
    in_order += fds[i] == i + 2;
  }
  msg("%d of %d opens got the expected number", in_order, COUNT);
  msg("last fd = %d", fds[COUNT - 1]);
  for (i = 0; i < COUNT; i++)
    close(fds[i]);
  msg("open after closing all = %d", open("many"));
}
