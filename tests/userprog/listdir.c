/* SPDX-License-Identifier: MIT */

/* listdir (Pagoda) names every file of the root with its size, the
   program's own file included, and returns -1 past the end. */

#include <string.h>
#include "tests/lib.h"

/* Creates three files and finds them, in name order, with their sizes. */
void
test_main(int argc, char *argv[])
{
  static const char *const names[] = {"ld-alpha", "ld-beta", "ld-gamma"};
  char name[READDIR_MAX_LEN + 1];
  int sizes[3] = {-2, -2, -2};
  bool self = false;
  unsigned i, count = 0;
  int size;

  for (i = 0; i < 3; i++)
    create(names[i], 100 * (i + 1));
  for (i = 0; (size = listdir(i, name)) >= 0; i++) {
    unsigned j;

    count++;
    self |= strcmp(name, argv[0]) == 0;
    for (j = 0; j < 3; j++)
      if (strcmp(name, names[j]) == 0)
        sizes[j] = size;
  }
  for (i = 0; i < 3; i++)
    msg("%s: %d", names[i], sizes[i]);
  msg("own executable listed: %s", self ? "yes" : "no");
  msg("at least 4 entries: %s", count >= 4 ? "yes" : "no");
  msg("listdir (100000) = %d", listdir(100000, name));
}
