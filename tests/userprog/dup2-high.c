/* SPDX-License-Identifier: MIT */

/* fd numbers up to 1023 work through dup2, also for the console. */

#include <string.h>
#include "tests/lib.h"

/* Writes to the console through fds 1000 and 1023. */
void
test_main(int argc, char *argv[])
{
  const char *text = "written through a high fd\n";

  msg("dup2 (1, 1000) = %d", dup2(STDOUT_FILENO, 1000));
  msg("dup2 (1000, 1023) = %d", dup2(1000, 1023));
  close(STDOUT_FILENO);
  msg("this line is lost");
  write(1023, text, strlen(text));
  dup2(1000, STDOUT_FILENO);
  msg("fd 1 is back");
}
