/* SPDX-License-Identifier: MIT */

/* The child inherits open files at the same position; afterwards the
   positions are independent and a close in the child leaves the parent's
   fd open. */

#include "tests/lib.h"

/* Reads on both sides of a fork. */
void
test_main(int argc, char *argv[])
{
  char buffer[10];
  int fd = create_open("inherit", 100);
  pid_t pid;

  pattern_write(fd, 100, 4);
  seek(fd, 10);
  pid = fork_checked("reader");
  if (pid == 0) {
    msg("child starts at %u", tell(fd));
    read(fd, buffer, 10);
    read(fd, buffer, 10);
    msg("child moved to %u", tell(fd));
    close(fd);
    exit(0);
  }
  wait(pid);
  msg("parent still at %u", tell(fd));
  msg("parent reads %d bytes", read(fd, buffer, 10));
}
