/* SPDX-License-Identifier: MIT */

/* priority-donate-sema: a lock holder that is blocked on a semaphore still
   receives donations, and the semaphore wakes it by its donated
   priority.

   OTHER (36) waits on semaphore S first.  HOLDER (33) takes lock L and
   then waits on S too.  WAITER (40) blocks on L, donating 40 to HOLDER.
   The first sema_up must wake HOLDER (effective 40) rather than OTHER,
   which both waits longer and has the higher base priority; HOLDER
   runs at 40 until it releases L, then WAITER runs, then HOLDER finishes
   at 33.  The second sema_up wakes OTHER. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

struct ds_shared {
  struct lock lock;
  struct semaphore sema;
};

static void
ds_holder_run(void *aux)
{
  struct ds_shared *sh = aux;

  lock_acquire(&sh->lock);
  sema_down(&sh->sema);
  ktest_msg("holder: woke at priority %d", thread_get_priority());
  lock_release(&sh->lock);
  ktest_msg("holder: released the lock; priority %d", thread_get_priority());
}

static void
ds_waiter_run(void *aux)
{
  struct ds_shared *sh = aux;

  lock_acquire(&sh->lock);
  ktest_msg("waiter: got the lock");
  lock_release(&sh->lock);
}

static void
ds_other_run(void *aux)
{
  struct ds_shared *sh = aux;

  sema_down(&sh->sema);
  ktest_msg("other: woke at priority %d", thread_get_priority());
}

/* Entry point of priority-donate-sema (see the note at the top). */
void
ktest_priority_donate_sema(void)
{
  static struct ds_shared sh;

  lock_init(&sh.lock);
  sema_init(&sh.sema, 0);
  ktest_spawn("other", 36, ds_other_run, &sh);
  ktest_spawn("holder", 33, ds_holder_run, &sh);
  ktest_spawn("waiter", 40, ds_waiter_run, &sh);
  ktest_msg(
      "main: other, holder and waiter are blocked; raising the semaphore");
  sema_up(&sh.sema);
  ktest_msg("main: raising the semaphore again");
  sema_up(&sh.sema);
  ktest_msg("main: done");
}
