/* SPDX-License-Identifier: MIT */

/* The stack grows one small frame at a time: a recursion 120 deep, each
   frame holding 700 bytes of its own pattern, reaches about 90 KiB below
   the first stack page.  On the way back every frame checks that its bytes
   survived the deeper calls. */

#include "tests/vm/vm-lib.h"

#define DEPTH 120

/* Fills a local block, recurses, then checks the block; returns how many
   frames at this depth and below were intact. */
static int NO_INLINE
descend(int depth)
{
  char block[700];
  int intact;

  pattern_fill(block, sizeof block, depth);
  intact = depth < DEPTH ? descend(depth + 1) : 0;
  if (pattern_check(block, sizeof block, depth) == sizeof block)
    intact++;
  asm volatile("" : : "r"(block) : "memory");
  return intact;
}

/* Runs the recursion and reports what came back. */
void
test_main(int argc, char *argv[])
{
  char here;
  int intact = descend(1);

  msg("%d of %d frames intact", intact, DEPTH);
  msg("page 80 KiB below this frame present: %s",
      yes_no(present(&here - 80 * 1024)));
}
