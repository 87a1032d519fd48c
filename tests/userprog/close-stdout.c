/* SPDX-License-Identifier: MIT */

/* fd 1 may be closed: writes to it then fail.  A copy made with dup2
   before still reaches the console and can restore fd 1. */

#include <string.h>
#include "tests/lib.h"

/* Closes fd 1, writes into the void, and restores it. */
void
test_main(int argc, char *argv[])
{
  const char *text = "lost\n";
  int saved = dup2(STDOUT_FILENO, 20);
  int result;

  close(STDOUT_FILENO);
  result = write(STDOUT_FILENO, text, strlen(text));
  dup2(saved, STDOUT_FILENO);
  msg("saved copy = %d, write to closed fd 1 = %d", saved, result);
}
