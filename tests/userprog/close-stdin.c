/* SPDX-License-Identifier: MIT */

/* fd 0 may be closed; the next open then gets 0. */

#include "tests/lib.h"

/* Closes console input and opens a file. */
void
test_main(int argc, char *argv[])
{
  create("zero", 3);
  close(STDIN_FILENO);
  msg("open after close (0) = %d", open("zero"));
}
