/* SPDX-License-Identifier: MIT */

/* .data right after .rodata, on the same page, in its own writable
   segment (tests/vm/seg-share-data.lds): a value stored in .data survives
   eviction. */

#include "tests/vm/seg-share.h"

__attribute__((section(".data.first"))) volatile uint64_t word = 7;

void
test_main(int argc, char *argv[])
{
  seg_share_run(&word);
}
