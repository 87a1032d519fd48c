/* SPDX-License-Identifier: MIT */
/* Semaphores, locks and condition variables.
 *
 * A semaphore's waiters are kept unordered; sema_up wakes the one with the
 * highest (effective) priority at that moment, so priority changes while
 * waiting are honoured, and hands it the unit directly, so a thread that
 * happens to be running cannot take it first (a busy lock cannot starve
 * its waiters).  Locks are binary semaphores with an owner: a thread
 * blocking on a held lock records it in waiting_lock and the holder's
 * priority is refreshed, which donates along the whole chain of holders.
 * Releasing drops the donations that came through that lock.  Everything is
 * done under the scheduler lock (threads/thread.c), a spinlock, which makes
 * these correct across CPUs: a semaphore's value and waiters, a lock's
 * holder and every thread's priority change only under it.  None of these
 * may be taken by a CPU that holds a spinlock: sleeping would hold that
 * spinlock for as long as the sleep. */

#include "threads/synch.h"

#include <debug.h>

#include "arch/x86_64/percpu.h"
#include "threads/interrupt.h"
#include "threads/spinlock.h"
#include "threads/thread.h"

static bool
priority_less(const struct list_elem *a, const struct list_elem *b, void *aux)
{
  (void)aux;
  return list_entry(a, struct thread, elem)->priority <
         list_entry(b, struct thread, elem)->priority;
}

void
sema_init(struct semaphore *s, unsigned value)
{
  s->value = value;
  list_init(&s->waiters);
}

/* The running thread, for the lock paths: thread_current without its
   magic check, which every other caller still makes (a lock operation
   is too frequent to pay for it each time). */
static inline struct thread *
running(void)
{
  return cpu_read(current);
}

/* Panic if the caller may not sleep: it holds a spinlock. */
static void
check_may_sleep(void)
{
  if (spin_depth() > 0)
    PANIC("sleeping while this CPU holds a spinlock");
}

/* sema_down with the scheduler lock held. */
static void
sema_down_locked(struct semaphore *s)
{
  if (s->value > 0) {
    s->value--;
  } else {
    list_push_back(&s->waiters, &thread_current()->elem);
    thread_block(); /* sema_up hands us the unit directly. */
  }
}

/* Wait until S is positive, then decrement it.  May sleep: not from an
   interrupt handler, nor with a spinlock held. */
void
sema_down(struct semaphore *s)
{
  ASSERT(!intr_context());
  check_may_sleep();
  enum intr_level old = thread_sched_lock();
  sema_down_locked(s);
  thread_sched_unlock(old);
}

bool
sema_try_down(struct semaphore *s)
{
  enum intr_level old = thread_sched_lock();
  bool ok = s->value > 0;
  if (ok)
    s->value--;
  thread_sched_unlock(old);
  return ok;
}

/* sema_up with the scheduler lock held; true if it woke a waiter. */
static bool
sema_up_locked(struct semaphore *s)
{
  if (list_empty(&s->waiters)) {
    s->value++;
    return false;
  }
  /* Hand the unit to the waiter instead of counting it, so a running
     thread cannot take it first and starve the waiter (no barging). */
  struct list_elem *e = list_max(&s->waiters, priority_less, NULL);
  list_remove(e);
  thread_unblock(list_entry(e, struct thread, elem));
  return true;
}

/* Increment S and wake its highest-priority waiter, yielding to it if it
   outranks the caller.  Safe in interrupt handlers. */
void
sema_up(struct semaphore *s)
{
  enum intr_level old = thread_sched_lock();
  bool woke = sema_up_locked(s);
  thread_sched_unlock(old);
  if (woke)
    thread_yield_if_preempted();
}

void
lock_init(struct lock *l)
{
  lock_init_ranked(l, LOCK_RANK_NONE);
}

void
lock_init_ranked(struct lock *l, enum lock_rank rank)
{
  l->holder = NULL;
  l->rank = rank;
  sema_init(&l->semaphore, 1);
}

void
lock_set_rank(struct lock *l, enum lock_rank rank)
{
  ASSERT(l->holder == NULL || l->holder == thread_current());
  l->rank = rank;
}

/* Panic if blocking on L now could break the lock order: some ranked lock
   CUR holds has a rank at or above L's. */
static void
check_rank(const struct lock *l, struct thread *cur)
{
#ifdef LOCK_RANKS
  if (l->rank == LOCK_RANK_NONE)
    return;
  struct list *held = &cur->held_locks;
  for (struct list_elem *e = list_begin(held); e != list_end(held);
       e = list_next(e)) {
    const struct lock *h = list_entry(e, struct lock, elem);
    if (h->rank >= l->rank)
      PANIC("lock order: blocking on a rank-%d lock (%p) while holding a "
            "rank-%d lock (%p)",
            l->rank, (void *)l, h->rank, (void *)h);
  }
#else
  (void)l;
  (void)cur;
#endif
}

/* Acquire L, sleeping (and donating priority) while another thread holds
   it.  Not recursive.  The rank is checked on every acquisition, not only
   when one has to wait, so an order that could deadlock is caught the
   first time it is taken, contended or not. */
void
lock_acquire(struct lock *l)
{
  ASSERT(!intr_context());
  struct thread *cur = running();
  ASSERT(l->holder != cur);
  check_rank(l, cur);
  check_may_sleep();
  enum intr_level old = thread_sched_lock();
  if (l->semaphore.value > 0) {
    l->semaphore.value--; /* Free: the common case. */
  } else {
    /* Join the waiters, then donate, so the holder runs at our priority
       right away; the release hands us the lock directly. */
    cur->waiting_lock = l;
    list_push_back(&l->semaphore.waiters, &cur->elem);
    thread_refresh_priority(l->holder);
    thread_block();
    cur->waiting_lock = NULL;
  }
  l->holder = cur;
  list_push_back(&cur->held_locks, &l->elem);
  thread_sched_unlock(old);
}

bool
lock_try_acquire(struct lock *l)
{
  struct thread *cur = running();
  ASSERT(l->holder != cur);
  enum intr_level old = thread_sched_lock();
  bool ok = l->semaphore.value > 0;
  if (ok) {
    l->semaphore.value--;
    l->holder = cur;
    list_push_back(&cur->held_locks, &l->elem);
  }
  thread_sched_unlock(old);
  return ok;
}

void
lock_release(struct lock *l)
{
  struct thread *cur = running();
  ASSERT(l->holder == cur);
  enum intr_level old = thread_sched_lock();
  list_remove(&l->elem);
  l->holder = NULL;
  /* Donations only ever raise a priority: without one there is nothing
     to take back. */
  bool donated = cur->priority != cur->base_priority;
  if (donated)
    thread_refresh_priority(cur);
  bool waiters = sema_up_locked(&l->semaphore); /* To the best waiter. */
  thread_sched_unlock(old);
  /* A woken waiter or our lost donation may let another thread outrank
     us (nothing can yield under the scheduler lock). */
  if (donated || waiters)
    thread_yield_if_preempted();
}

bool
lock_held_by_current_thread(const struct lock *l)
{
  return l->holder == running();
}

/* One per thread waiting on a condition variable. */
struct cond_waiter {
  struct list_elem elem;
  struct semaphore sema;
  struct thread *thread;
};

void
cond_init(struct condition *c)
{
  list_init(&c->waiters);
}

/* Atomically release L and wait for a signal, then reacquire L. */
void
cond_wait(struct condition *c, struct lock *l)
{
  ASSERT(!intr_context());
  ASSERT(lock_held_by_current_thread(l));
  struct cond_waiter w;
  sema_init(&w.sema, 0);
  w.thread = thread_current();
  list_push_back(&c->waiters, &w.elem);
  lock_release(l);
  sema_down(&w.sema);
  lock_acquire(l);
}

static bool
waiter_less(const struct list_elem *a, const struct list_elem *b, void *aux)
{
  (void)aux;
  return list_entry(a, struct cond_waiter, elem)->thread->priority <
         list_entry(b, struct cond_waiter, elem)->thread->priority;
}

/* Wake the highest-priority waiter of C, if any.  L must be held. */
void
cond_signal(struct condition *c, struct lock *l)
{
  ASSERT(lock_held_by_current_thread(l));
  if (list_empty(&c->waiters))
    return;
  struct list_elem *e = list_max(&c->waiters, waiter_less, NULL);
  list_remove(e);
  sema_up(&list_entry(e, struct cond_waiter, elem)->sema);
}

void
cond_broadcast(struct condition *c, struct lock *l)
{
  while (!list_empty(&c->waiters))
    cond_signal(c, l);
}
