/* SPDX-License-Identifier: MIT */

/* Aliases made with dup2 in the parent are aliases of one object in the
   child too, and a redirected fd 1 stays redirected there. */

#include <stdio.h>
#include "tests/lib.h"

/* Forks with an alias pair and a redirected stdout. */
void
test_main(int argc, char *argv[])
{
  char buffer[4];
  int fd = create_open("aliased", 100);
  int saved = dup2(STDOUT_FILENO, 40);
  pid_t pid;

  dup2(fd, 12);
  dup2(fd, STDOUT_FILENO);
  pid = fork_checked("aliaser");
  if (pid == 0) {
    read(12, buffer, 4);
    printf("%u", tell(fd));
    exit(0);
  }
  wait(pid);
  dup2(saved, STDOUT_FILENO);
  msg("parent position %u", tell(fd));
  seek(fd, 4);
  read(fd, buffer, 1);
  msg("child wrote its position into the file: %c", buffer[0]);
}
