/* SPDX-License-Identifier: MIT */
/* Reads sample.txt (a put file) and reports its size, its line count and
   its first line. */

#include <stdio.h>
#include <syscall.h>

#include "tests/lib.h"
#include "tests/main.h"

void
test_main(void)
{
  static char text[4096];
  int fd = open("sample.txt");
  CHECK(fd > 1, "open sample.txt");
  int size = filesize(fd);
  CHECK(size > 0 && size < (int)sizeof text, "filesize of sample.txt");
  CHECK(read(fd, text, size) == size, "read all of sample.txt");
  close(fd);

  int lines = 0, first_end = -1;
  for (int i = 0; i < size; i++)
    if (text[i] == '\n' && lines++ == 0)
      first_end = i;
  CHECK(first_end >= 0, "sample.txt has no line");
  text[first_end] = '\0';
  msg("sample.txt: %d bytes, %d lines", size, lines);
  msg("first line: %s", text);
}
