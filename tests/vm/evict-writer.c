/* SPDX-License-Identifier: MIT */

/* A writer keeps writing pages that another process evicts (a test for
   TLB shootdown; run with SMP=2).  The child rewrites and rereads its
   WRITER_KIB of BSS round after round; the parent meanwhile fills and
   checks PRESS_MIB in a machine whose user pool is far smaller, so the
   child's pages are evicted, saved and reused while the child is running,
   on another CPU when there is one.  If the evictor left a stale entry in
   the writer's TLB, the writer's later stores would land in a frame that
   now belongs to someone else: the presser would find words of the
   writer's pattern in its data, or the writer, once its TLB is reloaded,
   would read back the saved copy without its last stores.  Either way a
   round or pass shows wrong words. */

#include "tests/vm/vm-lib.h"

#define WRITER_WORDS (256 * 1024 / sizeof(uint64_t))
#define WRITER_ROUNDS 300
#define PRESS_WORDS (2 * MIB / sizeof(uint64_t))
#define PRESS_PASSES 4

static uint64_t writer_area[WRITER_WORDS];
static uint64_t press_area[PRESS_WORDS];

/* The child: the number of rounds whose reread found a wrong word. */
static int
writer(void)
{
  int bad = 0;

  for (int r = 0; r < WRITER_ROUNDS; r++) {
    words_fill(writer_area, WRITER_WORDS, 1000 + r);
    if (words_check(writer_area, WRITER_WORDS, 1000 + r) != WRITER_WORDS)
      bad++;
  }
  return bad;
}

void
test_main(int argc, char *argv[])
{
  int bad = 0;
  pid_t pid = fork_checked("writer");

  if (pid == 0)
    exit(writer());
  for (int p = 0; p < PRESS_PASSES; p++) {
    words_fill(press_area, PRESS_WORDS, 7 + p);
    if (words_check(press_area, PRESS_WORDS, 7 + p) != PRESS_WORDS)
      bad++;
  }
  msg("presser: passes with wrong words: %d", bad);
  msg("writer: rounds with wrong words: %d", wait(pid));
}
