/* SPDX-License-Identifier: MIT */

/* echo -- print the arguments separated by single spaces, in one write. */

#include <stdio.h>
#include <string.h>

/* Prints ARGV[1..] on one line. */
int
main(int argc, char *argv[])
{
  char line[256] = "";
  int i;

  for (i = 1; i < argc; i++) {
    if (i > 1)
      strlcat(line, " ", sizeof line);
    strlcat(line, argv[i], sizeof line);
  }
  puts(line);
  return 0;
}
