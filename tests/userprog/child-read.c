/* SPDX-License-Identifier: MIT */

/* Exec target: reads from the fd named in argv[1], which it inherited
   across exec, and prints what it got up to the first newline. */

#include <stdlib.h>
#include <string.h>
#include "tests/lib.h"

/* Reads up to 63 bytes from fd atoi (argv[1]). */
void
test_main(int argc, char *argv[])
{
  char text[64];
  int fd = atoi(argv[1]);
  int n = read(fd, text, sizeof text - 1);

  text[n < 0 ? 0 : n] = '\0';
  text[strcspn(text, "\n")] = '\0';
  msg("read %d bytes from fd %d: %s", n, fd, text);
}
