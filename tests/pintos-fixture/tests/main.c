/* SPDX-License-Identifier: MIT */
/* The main of most fixture tests: the test is named after argv[0]. */

#include "tests/main.h"

#include "tests/lib.h"

int main(int argc, char *argv[]);

const char *test_name = "main";

int
main(int argc, char *argv[])
{
  if (argc > 0)
    test_name = argv[0];
  msg("begin");
  test_main();
  msg("end");
  return 0;
}
