/* SPDX-License-Identifier: MIT */

/* System-call buffers that are out on swap (10 MB machine): after 8 MiB
   of BSS was written, much of it is gone to swap.  write() from a run of
   pages that starts on a swapped-out page must swap it in and send the
   right bytes; read() into another such run must swap it in, fill it, and
   leave every other byte of the area alone.  The runs are found with
   int 0x42, so the test holds under every replacement policy. */

#include "tests/vm/vm-lib.h"

#define WORDS (8 * MIB / sizeof(uint64_t))
#define CHUNK (512 * 1024)
#define CW (CHUNK / sizeof(uint64_t))
#define PAGE_WORDS (4096 / sizeof(uint64_t))

static uint64_t area[WORDS];

/* The first word index at or after FROM, a page's worth of words apart,
   whose page is not present and that leaves CW words in the area; WORDS
   if there is none. */
static size_t
swapped_run(size_t from)
{
  for (size_t i = from; i + CW <= WORDS; i += PAGE_WORDS)
    if (!present(area + i))
      return i;
  return WORDS;
}

/* Fills, writes from a swapped-out run, reads into another, checks. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", CHUNK);

  words_fill(area, WORDS, 9);
  size_t src = swapped_run(0);
  msg("a page out of memory before write(): %s", yes_no(src < WORDS));
  if (src == WORDS)
    return;
  msg("write from swapped-out pages: %d", write(fd, area + src, CHUNK));
  size_t dst = swapped_run(src + CW + PAGE_WORDS);
  msg("a target out of memory before read(): %s", yes_no(dst < WORDS));
  if (dst == WORDS)
    return;
  words_fill(area + dst + CW, WORDS - dst - CW, 0);
  seek(fd, 0);
  msg("read into swapped-out pages: %d", read(fd, area + dst, CHUNK));
  msg("read brought the written words: %s",
      yes_no(words_check_at(area + dst, src, CW, 9) == CW));
  msg("words before the target intact: %s",
      yes_no(words_check(area, dst, 9) == dst));
  msg("words after the target intact: %s",
      yes_no(words_check(area + dst + CW, WORDS - dst - CW, 0) ==
             WORDS - dst - CW));
}
