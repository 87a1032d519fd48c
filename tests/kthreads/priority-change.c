/* SPDX-License-Identifier: MIT */

/* priority-change: thread_set_priority takes effect at once in both
   directions.

   The test thread creates a worker below its own priority (the worker
   must not run yet), then drops below the worker (the worker must run
   before thread_set_priority returns).  The worker lowers itself under the
   test thread (the test thread must resume at once), and finally the test
   thread raises itself above everything (no switch).  Every step prints
   from whichever thread is running, so the line order is the schedule. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

struct change_shared {
  struct semaphore done;
};

static void
change_worker_run(void *aux)
{
  struct change_shared *sh = aux;

  ktest_msg("worker: running at priority %d", thread_get_priority());
  ktest_msg("worker: lowering itself to %d", PRI_DEFAULT - 12);
  thread_set_priority(PRI_DEFAULT - 12);
  ktest_msg("worker: resumed at priority %d", thread_get_priority());
  sema_up(&sh->done);
}

/* Entry point of priority-change (see the note at the top). */
void
ktest_priority_change(void)
{
  static struct change_shared sh;

  sema_init(&sh.done, 0);
  ktest_msg("main: creating a worker at priority %d", PRI_DEFAULT - 5);
  ktest_spawn("worker", PRI_DEFAULT - 5, change_worker_run, &sh);
  ktest_msg("main: worker created, main still at %d", thread_get_priority());
  ktest_msg("main: lowering itself to %d", PRI_DEFAULT - 8);
  thread_set_priority(PRI_DEFAULT - 8);
  ktest_msg("main: resumed at priority %d", thread_get_priority());
  thread_set_priority(PRI_MAX);
  ktest_msg("main: raised itself to %d without a switch",
            thread_get_priority());
  thread_set_priority(PRI_DEFAULT);
  ktest_msg("main: back at %d, waiting for the worker", thread_get_priority());
  sema_down(&sh.done);
  ktest_msg("main: worker finished");
}
