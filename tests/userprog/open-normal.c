/* SPDX-License-Identifier: MIT */

/* open finds a file put on the disk; reading it gives its contents. */

#include <string.h>
#include "tests/lib.h"

/* Opens sample.txt and prints its size and first line. */
void
test_main(int argc, char *argv[])
{
  char text[128];
  int fd, n;

  fd = open("sample.txt");
  msg("open = %d", fd);
  msg("filesize = %d", filesize(fd));
  n = read(fd, text, sizeof text - 1);
  text[n < 0 ? 0 : n] = '\0';
  text[strcspn(text, "\n")] = '\0';
  msg("read %d bytes, first line: %s", n, text);
}
