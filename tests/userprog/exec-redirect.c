/* SPDX-License-Identifier: MIT */

/* A redirected fd 1 survives exec: the new program's output lands in the
   file. */

#include <string.h>
#include "tests/lib.h"

/* Execs child-simple with fd 1 pointing at a file, then shows the file. */
void
test_main(int argc, char *argv[])
{
  char text[64];
  int fd = create_open("captured", 40);
  pid_t pid = fork_checked("redirected");
  int n;

  if (pid == 0) {
    dup2(fd, STDOUT_FILENO);
    exec("child-simple");
    fail("exec returned");
  }
  msg("wait = %d", wait(pid));
  n = read(fd, text, sizeof text - 1);
  text[n] = '\0';
  text[strcspn(text, "\n")] = '\0';
  msg("file holds: %s", text);
}
