/* SPDX-License-Identifier: MIT */
/* Prints the argument vector it was started with, one line a word. */

#include <stdio.h>

#include "tests/lib.h"

int main(int argc, char *argv[]);

const char *test_name = "args";

int
main(int argc, char *argv[])
{
  msg("begin");
  msg("argc = %d", argc);
  for (int i = 0; i < argc; i++)
    msg("argv[%d] = '%s'", i, argv[i]);
  msg("argv[%d] = %s", argc, argv[argc] == NULL ? "null" : "not null");
  msg("end");
  return 0;
}
