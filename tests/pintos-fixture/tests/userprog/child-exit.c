/* SPDX-License-Identifier: MIT */
/* Exits with the status given as its one argument. */

#include "tests/lib.h"

int main(int argc, char *argv[]);

const char *test_name = "child-exit";

int
main(int argc, char *argv[])
{
  int status = 0;
  CHECK(argc == 2, "usage: child-exit STATUS");
  for (const char *p = argv[1]; *p >= '0' && *p <= '9'; p++)
    status = status * 10 + (*p - '0');
  msg("exiting with %d", status);
  return status;
}
