/* SPDX-License-Identifier: MIT */

/* A name that straddles a page boundary is read across it. */

#include <string.h>
#include "tests/lib.h"

/* Places the name so it crosses from one page into the next. */
void
test_main(int argc, char *argv[])
{
  static char pages[8192] __attribute__((aligned(4096)));
  char *name = pages + 4096 - 4;

  strlcpy(name, "straddler", 16);
  msg("create = %d", create(name, 7));
  msg("filesize = %d", filesize(open_checked("straddler")));
}
