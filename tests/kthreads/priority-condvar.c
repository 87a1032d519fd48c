/* SPDX-License-Identifier: MIT */

/* priority-condvar: cond_signal wakes the highest-priority waiter, and
   after cond_broadcast the waiters get the lock in priority order.

   Waiters with scrambled priorities, all above the test thread, wait on
   one condition.  The test thread signals several times, each time under
   the lock; the woken waiter preempts it, blocks on the lock (donating),
   and runs as soon as the lock is released, printing its priority.  Then
   one broadcast wakes the rest, which must print in descending priority
   as the lock passes from one to the next. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define CV_WAITERS 8
#define CV_SIGNALS 5

struct cv_shared {
  struct lock lock;
  struct condition cond;
  int waiting;
};

static void
cv_waiter_run(void *aux)
{
  struct cv_shared *sh = aux;

  lock_acquire(&sh->lock);
  sh->waiting++;
  cond_wait(&sh->cond, &sh->lock);
  ktest_msg("waiter at priority %d woke holding the lock",
            thread_get_priority());
  sh->waiting--;
  lock_release(&sh->lock);
}

/* Entry point of priority-condvar (see the note at the top). */
void
ktest_priority_condvar(void)
{
  static const int priorities[CV_WAITERS] = {36, 33, 42, 38, 35, 44, 32, 40};
  static struct cv_shared sh;

  lock_init(&sh.lock);
  cond_init(&sh.cond);
  sh.waiting = 0;
  for (int i = 0; i < CV_WAITERS; i++)
    ktest_spawn("cv-waiter", priorities[i], cv_waiter_run, &sh);
  ktest_msg("%d waiters waiting", sh.waiting);
  for (int i = 0; i < CV_SIGNALS; i++) {
    lock_acquire(&sh.lock);
    ktest_msg("main: signalling");
    cond_signal(&sh.cond, &sh.lock);
    lock_release(&sh.lock);
  }
  lock_acquire(&sh.lock);
  ktest_msg("main: broadcasting to %d waiters", sh.waiting);
  cond_broadcast(&sh.cond, &sh.lock);
  lock_release(&sh.lock);
  ktest_msg("main: %d waiters left", sh.waiting);
}
