/* SPDX-License-Identifier: MIT */

/* File-name rules of create: 14 bytes is the longest name; 15 bytes, 511
   bytes, the empty name and a name with a slash fail without a kill. */

#include <string.h>
#include "tests/lib.h"

/* Tries each name and prints create's answer. */
void
test_main(int argc, char *argv[])
{
  static char huge[512];

  memset(huge, 'h', sizeof huge - 1);
  msg("14 bytes: %d", create("fourteen-chars", 0));
  msg("15 bytes: %d", create("fifteen-chars15", 0));
  msg("511 bytes: %d", create(huge, 0));
  msg("empty: %d", create("", 0));
  msg("slash: %d", create("a/b", 0));
  msg("open 14 bytes: %s", open("fourteen-chars") >= 0 ? "ok" : "failed");
  msg("open 15 bytes: %d", open("fifteen-chars15"));
  msg("open 511 bytes: %d", open(huge));
}
