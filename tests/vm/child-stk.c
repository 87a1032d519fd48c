/* SPDX-License-Identifier: MIT */

/* Exec target of exec-pressure: exits 0 if its argv is "child-stk a bb
   ccc dddd" exactly, with argv 8-byte aligned; 1 otherwise. */

#include <string.h>
#include "tests/lib.h"

void
test_main(int argc, char *argv[])
{
  static const char *want[] = {"child-stk", "a", "bb", "ccc", "dddd"};
  bool ok = argc == 5 && (uintptr_t)argv % 8 == 0 && argv[5] == NULL;
  for (int i = 0; ok && i < 5; i++)
    ok = argv[i] != NULL && strcmp(argv[i], want[i]) == 0;
  exit(ok ? 0 : 1);
}
