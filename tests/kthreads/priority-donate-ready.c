/* SPDX-License-Identifier: MIT */

/* priority-donate-ready: a donation to a lock holder that is ready (not
   running, not blocked) must move it up the ready queue at once.

   LOW takes the lock and then lowers itself to 20, which puts it on the
   ready queue behind the test thread (31).  The test thread creates
   MEDIUM (25) and then a DONOR (40) that blocks on the lock.  LOW must now
   run next, at 40, ahead of the test thread and MEDIUM; a scheduler that
   only changes the priority field but leaves LOW queued at 20 lets the
   test thread print first.  After LOW releases the lock the donor runs,
   and LOW falls back to 20, behind MEDIUM. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

struct dr_shared {
  struct lock lock;
  struct semaphore done;
};

static void
dr_low_run(void *aux)
{
  struct dr_shared *sh = aux;

  lock_acquire(&sh->lock);
  ktest_msg("low: holding the lock; dropping to 20");
  thread_set_priority(20);
  ktest_msg("low: resumed at priority %d", thread_get_priority());
  lock_release(&sh->lock);
  ktest_msg("low: released the lock; priority %d", thread_get_priority());
  sema_up(&sh->done);
}

static void
dr_donor_run(void *aux)
{
  struct dr_shared *sh = aux;

  lock_acquire(&sh->lock);
  ktest_msg("donor: got the lock");
  lock_release(&sh->lock);
}

static void
dr_medium_run(void *aux)
{
  struct dr_shared *sh = aux;

  ktest_msg("medium: running");
  sema_up(&sh->done);
}

/* Entry point of priority-donate-ready (see the note at the top). */
void
ktest_priority_donate_ready(void)
{
  static struct dr_shared sh;

  lock_init(&sh.lock);
  sema_init(&sh.done, 0);
  ktest_spawn("low", 35, dr_low_run, &sh);
  ktest_msg("main: low is ready at 20; creating medium (25)");
  ktest_spawn("medium", 25, dr_medium_run, &sh);
  ktest_msg("main: creating the donor (40)");
  ktest_spawn("donor", 40, dr_donor_run, &sh);
  ktest_msg("main: donor created");
  sema_down(&sh.done);
  sema_down(&sh.done);
  ktest_msg("main: done");
}
