/* SPDX-License-Identifier: MIT */

/* The text segment is marked writable (RWX) while the header segment on
   its first page is read-only (tests/vm/seg-share-rwx.lds): a word of the
   text page, stored to, survives eviction. */

#include "tests/vm/seg-share.h"

extern volatile uint64_t word;
asm(".section .text.first, \"awx\"\n"
    ".balign 8\n"
    ".globl word\n"
    "word: .quad 7\n"
    ".previous\n");

void
test_main(int argc, char *argv[])
{
  seg_share_run(&word);
}
