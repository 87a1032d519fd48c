/* SPDX-License-Identifier: MIT */

/* exec keeps the fd table: an fd named on the new program's command line
   is open there, at the same position. */

#include <stdio.h>
#include "tests/lib.h"

/* Skips the first line of sample.txt and execs a reader of the fd. */
void
test_main(int argc, char *argv[])
{
  char line[32];
  int fd = open_checked("sample.txt");
  pid_t pid;

  seek(fd, 20);
  pid = fork_checked("inheritor");
  if (pid == 0) {
    snprintf(line, sizeof line, "child-read %d", fd);
    exec(line);
    fail("exec returned");
  }
  msg("wait = %d", wait(pid));
}
