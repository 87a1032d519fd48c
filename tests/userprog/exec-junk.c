/* SPDX-License-Identifier: MIT */

/* exec of a file that is not an ELF executable fails to load. */

#include <string.h>
#include "tests/lib.h"

/* Writes text into a file and execs it. */
void
test_main(int argc, char *argv[])
{
  const char *text = "#!/bin/sh\necho this is not an ELF file\n";
  int fd = create_open("junk", strlen(text));
  pid_t pid;

  write(fd, text, strlen(text));
  close(fd);
  pid = fork_checked("junk-runner");
  if (pid == 0) {
    exec("junk");
    fail("exec returned");
  }
  msg("wait = %d", wait(pid));
}
