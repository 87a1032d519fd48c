/* SPDX-License-Identifier: MIT */

/* fd 0 can be replaced by a file: read (0) then reads the file. */

#include <string.h>
#include "tests/lib.h"

/* Reads the first line of sample.txt through fd 0. */
void
test_main(int argc, char *argv[])
{
  char text[32];
  int fd = open_checked("sample.txt");

  msg("dup2 (%d, 0) = %d", fd, dup2(fd, STDIN_FILENO));
  msg("read (0) = %d", read(STDIN_FILENO, text, 19));
  text[19] = '\0';
  msg("got: %s", text);
  msg("filesize (0) = %d", filesize(STDIN_FILENO));
}
