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

/* Lock ranks: the one global acquisition order (explained in vm/vm.h).
   A thread may block on a ranked lock only if every ranked lock it holds
   has a lower rank; try-locks never wait, so they may be taken at any
   point.  lock_acquire checks this when the kernel is built with
   LOCK_RANKS (the default) and panics naming both locks. */
enum lock_rank {
  LOCK_RANK_NONE = 0,            /* Unranked: not checked. */
  LOCK_RANK_ADDR_SPACE = 10,     /* An address space (vm/addrspace.h). */
  LOCK_RANK_ADDR_SPACE_NEW = 11, /* One being built by fork. */
  LOCK_RANK_PAGECACHES = 14,     /* The list of page caches (vm/pagecache.c). */
  LOCK_RANK_PAGECACHE = 15,      /* One file's page cache (vm/pagecache.c). */
  LOCK_RANK_FRAME = 20,          /* The frame table (vm/frame.c). */
  LOCK_RANK_SWAP = 30,           /* The swap bitmap (vm/swap.c). */
  LOCK_RANK_FS = 40,             /* The file system (filesys/filesys.c). */
  LOCK_RANK_DISK = 50,           /* An IDE channel (devices/ide.c). */
  LOCK_RANK_HEAP = 60,           /* A malloc size class (mm/malloc.c). */
  LOCK_RANK_PALLOC = 70,         /* A page pool (mm/palloc.c). */
  LOCK_RANK_CONSOLE = 80,        /* Console output (lib/kernel/console.c). */
  /* Spinlocks (threads/spinlock.h), all above every sleeping lock: their
     holders never sleep. */
  LOCK_RANK_SPIN_SCHED = 100,   /* Scheduler and semaphores (thread.c). */
  LOCK_RANK_SPIN_CONSOLE = 110, /* Console characters (console.c). */
  LOCK_RANK_SPIN_LOG = 120,     /* Kernel log lines (console.c). */
};

struct lock {
  struct thread *holder;      /* Owning thread, or NULL. */
  struct semaphore semaphore; /* Binary semaphore guarding ownership. */
  struct list_elem elem;      /* In holder's list of held locks. */
  enum lock_rank rank;        /* Place in the lock order. */
};

/* A free, unranked lock. */
void lock_init(struct lock *);
/* A free lock with RANK in the lock order. */
void lock_init_ranked(struct lock *, enum lock_rank rank);
/* Move L, which no one else holds, to RANK (a fork child's address space
   while it is built). */
void lock_set_rank(struct lock *l, enum lock_rank rank);
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
