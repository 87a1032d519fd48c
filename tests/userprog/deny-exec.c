/* SPDX-License-Identifier: MIT */

/* The write denial lasts while the program runs and is gone when wait
   returns: the parent can then write to the child's executable. */

#include "tests/lib.h"

/* Runs child-deny, then writes to its file. */
void
test_main(int argc, char *argv[])
{
  pid_t pid = fork_checked("denier");
  char byte;
  int fd;

  if (pid == 0) {
    exec("child-deny");
    fail("exec returned");
  }
  wait(pid);
  fd = open_checked("child-deny");
  read(fd, &byte, 1);
  seek(fd, 0);
  msg("write after the child exited = %d", write(fd, &byte, 1));
}
