/* SPDX-License-Identifier: MIT */

/* A BSS-only writable segment that starts on the last page of the
   read-only data (tests/vm/seg-share-bss.lds): a BSS value stored there
   survives eviction.  The variable starts at zero, so it is set to 7
   first to keep the shared output format. */

#include "tests/vm/seg-share.h"

__attribute__((section(".bss.first"))) volatile uint64_t word;

void
test_main(int argc, char *argv[])
{
  word = 7;
  seg_share_run(&word);
}
