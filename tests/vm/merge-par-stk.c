/* SPDX-License-Identifier: MIT */

/* Merge sort with the sorters' data in local arrays on the stack, all eight
   sorters at once.  1 MiB of random values is split over eight sorter processes
   through files (tests/vm/merge.h). */

#include "tests/vm/merge.h"

/* Sorts, merges, checks. */
void
test_main(int argc, char *argv[])
{
  merge_test("stk", true);
}
