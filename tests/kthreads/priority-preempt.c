/* SPDX-License-Identifier: MIT */

/* priority-preempt: a thread made ready with a higher priority than the
   running one runs at once.

   Three ways of becoming ready are checked:
   1. thread_create of a higher-priority thread: it runs before
      thread_create returns (a flag set after the call is still clear);
   2. thread_create of a lower-priority thread: it does not run until the
      creator blocks;
   3. a timer wake-up while the test thread spins: the woken thread must
      preempt the spinner in the tick of its deadline, not at the end of a
      time slice.  The spinner stops when the woken thread says so. */

#include "devices/timer.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

struct preempt_shared {
  volatile bool create_returned;
  volatile bool sleeper_done;
  int64_t deadline;
  int64_t woke_at;
  struct semaphore done;
};

static void
preempt_high_run(void *aux)
{
  struct preempt_shared *sh = aux;

  ktest_msg("high: running; creator's thread_create %s",
            sh->create_returned ? "had returned" : "had not returned yet");
}

static void
preempt_low_run(void *aux)
{
  struct preempt_shared *sh = aux;

  ktest_msg("low: running");
  sema_up(&sh->done);
}

static void
preempt_sleeper_run(void *aux)
{
  struct preempt_shared *sh = aux;

  timer_sleep(sh->deadline - timer_ticks());
  sh->woke_at = timer_ticks();
  sh->sleeper_done = true;
}

/* Entry point of priority-preempt (see the note at the top). */
void
ktest_priority_preempt(void)
{
  static struct preempt_shared sh;

  sema_init(&sh.done, 0);
  ktest_msg("main: creating a thread at priority %d", PRI_DEFAULT + 10);
  ktest_spawn("high", PRI_DEFAULT + 10, preempt_high_run, &sh);
  sh.create_returned = true;
  ktest_msg("main: thread_create returned");

  ktest_spawn("low", PRI_DEFAULT - 10, preempt_low_run, &sh);
  ktest_msg("main: created a thread at priority %d; blocking",
            PRI_DEFAULT - 10);
  sema_down(&sh.done);
  ktest_msg("main: resumed");

  /* A deadline two ticks ahead falls inside the time slice the test
     thread starts when the sleeper blocks, so only a real preemption on
     wake-up lets the sleeper in on time. */
  sh.deadline = timer_ticks() + 2;
  ktest_spawn("sleeper", PRI_DEFAULT + 5, preempt_sleeper_run, &sh);
  while (!sh.sleeper_done)
    continue;
  int64_t delay = sh.woke_at - sh.deadline;
  ktest_msg("main: spun until the sleeper ran; it ran %s",
            delay < 0    ? "before its deadline"
            : delay <= 1 ? "in its deadline tick"
                         : "ticks after its deadline");
}
