/* SPDX-License-Identifier: MIT */
#ifndef THREADS_SYNCH_H
#define THREADS_SYNCH_H

/* Sleeping synchronisation: counting semaphores, locks with priority
   donation, and Mesa-style condition variables.  All may sleep, so none may
   be acquired from an interrupt handler (sema_up may be called there). */

#include <list.h>
#include <stdbool.h>

struct semaphore {
  unsigned value;      /* Current value. */
  struct list waiters; /* Threads blocked in sema_down, any order. */
};

void sema_init(struct semaphore *, unsigned value);
void sema_down(struct semaphore *);
bool sema_try_down(struct semaphore *);
void sema_up(struct semaphore *);

struct lock {
  struct thread *holder;      /* Owning thread, or NULL. */
  struct semaphore semaphore; /* Binary semaphore guarding ownership. */
  struct list_elem elem;      /* In holder's list of held locks. */
};

void lock_init(struct lock *);
void lock_acquire(struct lock *);
bool lock_try_acquire(struct lock *);
void lock_release(struct lock *);
bool lock_held_by_current_thread(const struct lock *);

struct condition {
  struct list waiters; /* One semaphore per waiting thread. */
};

void cond_init(struct condition *);
void cond_wait(struct condition *, struct lock *);
void cond_signal(struct condition *, struct lock *);
void cond_broadcast(struct condition *, struct lock *);

/* Compiler barrier. */
#define barrier() asm volatile("" : : : "memory")

#endif
