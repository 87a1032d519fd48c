/* SPDX-License-Identifier: MIT */

/* A closed fd is invalid for every call; closing it again, or closing
   fds that never existed, is ignored. */

#include <limits.h>
#include "tests/lib.h"

/* Closes a file and probes the dead fd. */
void
test_main(int argc, char *argv[])
{
  char byte = 'x';
  int fd = create_open("closeme", 4);

  close(fd);
  msg("read = %d", read(fd, &byte, 1));
  msg("write = %d", write(fd, &byte, 1));
  msg("filesize = %d", filesize(fd));
  close(fd);
  close(-1);
  close(INT_MIN);
  close(INT_MAX);
  close(1000);
  msg("still alive after closing bad fds");
}
