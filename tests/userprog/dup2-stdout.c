/* SPDX-License-Identifier: MIT */

/* After dup2 (file, 1), printf output goes to the file; dup2 of a saved
   copy restores the console. */

#include <stdio.h>
#include <string.h>
#include "tests/lib.h"

/* Redirects printf, restores the console and shows the file. */
void
test_main(int argc, char *argv[])
{
  char text[64];
  int fd = create_open("log", 40);
  int saved = dup2(STDOUT_FILENO, 33);
  int n;

  dup2(fd, STDOUT_FILENO);
  printf("into the file %d\n", 42);
  dup2(saved, STDOUT_FILENO);
  msg("console restored, file position %u", tell(fd));
  seek(fd, 0);
  n = read(fd, text, sizeof text - 1);
  text[n] = '\0';
  text[strcspn(text, "\n")] = '\0';
  msg("file holds: %s", text);
}
