/* SPDX-License-Identifier: MIT */

/* write stores bytes, stops at the end of the file (files never grow)
   and returns 0 there. */

#include "tests/lib.h"

/* Writes past the end of a 100-byte file. */
void
test_main(int argc, char *argv[])
{
  char buffer[60];
  int fd = create_open("short", 100);

  pattern_fill(buffer, sizeof buffer, 5);
  msg("first write = %d", write(fd, buffer, 60));
  msg("second write = %d", write(fd, buffer, 60));
  msg("third write = %d", write(fd, buffer, 60));
  msg("filesize = %d", filesize(fd));
}
