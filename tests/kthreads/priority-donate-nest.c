/* SPDX-License-Identifier: MIT */

/* priority-donate-nest: donation passes through a thread that is itself
   blocked on a lock, and is taken back step by step.

   The test thread (31) holds OUTER.  MIDDLE (34) takes INNER and blocks
   on OUTER; TOP (40) blocks on INNER.  TOP's priority must reach the test
   thread through MIDDLE.  When the test thread releases OUTER, MIDDLE runs
   still at 40 (TOP waits on its INNER); when MIDDLE releases INNER it
   drops to 34 and TOP runs at once, before MIDDLE's next line. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

struct nest_shared {
  struct lock outer, inner;
};

static void
nest_middle_run(void *aux)
{
  struct nest_shared *sh = aux;

  lock_acquire(&sh->inner);
  lock_acquire(&sh->outer);
  ktest_msg("middle: got outer at priority %d", thread_get_priority());
  lock_release(&sh->outer);
  lock_release(&sh->inner);
  ktest_msg("middle: released both; priority %d", thread_get_priority());
}

static void
nest_top_run(void *aux)
{
  struct nest_shared *sh = aux;

  lock_acquire(&sh->inner);
  ktest_msg("top: got inner at priority %d", thread_get_priority());
  lock_release(&sh->inner);
}

/* Entry point of priority-donate-nest (see the note at the top). */
void
ktest_priority_donate_nest(void)
{
  static struct nest_shared sh;

  lock_init(&sh.outer);
  lock_init(&sh.inner);
  lock_acquire(&sh.outer);
  ktest_spawn("middle", 34, nest_middle_run, &sh);
  ktest_msg("main: middle waits on outer; priority %d", thread_get_priority());
  ktest_spawn("top", 40, nest_top_run, &sh);
  ktest_msg("main: top waits on inner; priority %d", thread_get_priority());
  lock_release(&sh.outer);
  ktest_msg("main: released outer; priority %d", thread_get_priority());
}
