/* SPDX-License-Identifier: MIT */

/* System-call buffers that are out on swap (10 MB machine): after 8 MiB
   of BSS was written, its first MiB is long gone to swap.  write() from
   there must swap it in and send the right bytes; read() into another
   swapped-out region must swap it in, fill it, and leave every other
   byte of the area alone. */

#include "tests/vm/vm-lib.h"

#define WORDS (8 * MIB / sizeof(uint64_t))
#define CHUNK (512 * 1024)
#define CW (CHUNK / sizeof(uint64_t))
#define TARGET (2 * MIB / sizeof(uint64_t)) /* word index read() fills */

static uint64_t area[WORDS];

/* Fills, writes from the start, reads into the middle, checks. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", CHUNK);

  words_fill(area, WORDS, 9);
  msg("first page out of memory before write(): %s", yes_no(!present(area)));
  msg("write from swapped-out pages: %d", write(fd, area, CHUNK));
  words_fill(area + TARGET + CW, WORDS - TARGET - CW, 0);
  seek(fd, 0);
  msg("target out of memory before read(): %s",
      yes_no(!present(area + TARGET)));
  msg("read into swapped-out pages: %d", read(fd, area + TARGET, CHUNK));
  msg("read brought the written words: %s",
      yes_no(words_check(area + TARGET, CW, 9) == CW));
  msg("words before the target intact: %s",
      yes_no(words_check(area, TARGET, 9) == TARGET));
  msg("words after the target intact: %s",
      yes_no(words_check(area + TARGET + CW, WORDS - TARGET - CW, 0) ==
             WORDS - TARGET - CW));
}
