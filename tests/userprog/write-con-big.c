/* SPDX-License-Identifier: MIT */

/* One console write of 10,000 bytes (100 lines) comes out whole and in
   order and returns its length: the kernel sends it in atomic units of
   4,096 bytes without needing a buffer of the caller's size. */

#include <stdio.h>
#include <string.h>
#include "tests/lib.h"

#define LINES 100
#define LINE 100

static char text[LINES * LINE];

/* Builds the lines, writes them at once, reports the result. */
void
test_main(int argc, char *argv[])
{
  int i, n;

  for (i = 0; i < LINES; i++) {
    char *p = text + i * LINE;

    snprintf(p, LINE, "line %03d ", i);
    memset(p + 9, 'a' + i % 26, LINE - 10);
    p[LINE - 1] = '\n';
  }
  n = write(STDOUT_FILENO, text, sizeof text);
  msg("write returned %d", n);
}
