/* SPDX-License-Identifier: MIT */

/* priority-sema-up-yield: sema_up from a thread switches to the woken
   thread at once if it has a higher priority, and not otherwise.

   HIGH (41) waits on a semaphore; the test thread's sema_up must run HIGH
   before it returns, which HIGH proves by setting a flag the test thread
   reads right after the call.  LOW (21) is made to wait on another
   semaphore (the test thread steps below it briefly so it can run); the
   sema_up that wakes it must return without running LOW. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

struct suy_waiter {
  struct semaphore sema;
  volatile bool woke;
};

static void
suy_waiter_run(void *aux)
{
  struct suy_waiter *w = aux;

  sema_down(&w->sema);
  w->woke = true;
}

/* Entry point of priority-sema-up-yield (see the note at the top). */
void
ktest_priority_sema_up_yield(void)
{
  static struct suy_waiter high, low;

  sema_init(&high.sema, 0);
  sema_init(&low.sema, 0);
  ktest_spawn("high", PRI_DEFAULT + 10, suy_waiter_run, &high);
  sema_up(&high.sema);
  ktest_msg("after waking the higher thread: it %s",
            high.woke ? "ran" : "had not run");

  ktest_spawn("low", PRI_DEFAULT - 10, suy_waiter_run, &low);
  thread_set_priority(PRI_DEFAULT - 20);
  thread_set_priority(PRI_DEFAULT);
  sema_up(&low.sema);
  ktest_msg("after waking the lower thread: it %s",
            low.woke ? "ran" : "had not run");
  thread_set_priority(PRI_MIN);
  ktest_msg("after stepping down to %d: it %s", PRI_MIN,
            low.woke ? "ran" : "had not run");
  thread_set_priority(PRI_DEFAULT);
}
