/* SPDX-License-Identifier: MIT */
#ifndef THREADS_THREAD_H
#define THREADS_THREAD_H

/* Kernel threads and the preemptive priority scheduler.

   Each thread has a struct thread (kernel heap) and a kernel stack of
   THREAD_STACK_PAGES pages in the stack area, below an unmapped guard page:

        stack area slot (high addresses at the top)
        +---------------------------+ <- kstack_top (initial rsp)
        |      kernel stack         |
        |           |               |
        |           v grows down    |
        +---------------------------+ <- kstack_base
        |   guard page (unmapped)   |  an overflow faults here and the
        +---------------------------+  panic names the thread

   Lock legend for struct thread fields:
     (i) immutable after thread_create   (o) owner thread only
     (s) scheduler: changed under the scheduler lock (thread_sched_lock) */

#include <list.h>
#include <stdbool.h>
#include <stdint.h>

#include "threads/interrupt.h"
#include "threads/spinlock.h"
#include "threads/synch.h"

enum thread_status {
  THREAD_RUNNING, /* On a CPU (one thread per CPU). */
  THREAD_READY,   /* On a ready queue. */
  THREAD_BLOCKED, /* Waiting for an event (thread_unblock). */
  THREAD_DYING    /* Exited; freed by the next thread to run. */
};

typedef int tid_t;
#define TID_ERROR ((tid_t)-1)

#define PRI_MIN 0
#define PRI_DEFAULT 31
#define PRI_MAX 63

#define THREAD_NAME_MAX 16 /* Including the NUL. */
#define THREAD_STACK_PAGES 4

struct process;

struct thread {
  unsigned magic;             /* (i) THREAD_MAGIC: detects corruption. */
  tid_t tid;                  /* (i) Unique, never reused. */
  char name[THREAD_NAME_MAX]; /* (o) For logs and exit lines. */
  enum thread_status status;  /* (s) */
  uintptr_t ctx_rsp;          /* (s) Saved rsp while switched out. */
  uint8_t *kstack_base;       /* (i) Lowest stack byte. */
  uint8_t *kstack_top;        /* (i) One past the highest stack byte. */

  int priority;               /* (s) Effective priority, with donations. */
  int base_priority;          /* (s) Priority set by the thread itself. */
  struct list held_locks;     /* (s) Locks held; their waiters donate. */
  struct lock *waiting_lock;  /* (s) Lock this thread is blocked on. */
  struct list_elem elem;      /* (s) Ready queue or a semaphore's waiters. */
  struct list_elem allelem;   /* (s) In the list of all threads. */
  int64_t wakeup_tick;        /* (s) For timer_sleep. */
  struct list_elem sleepelem; /* (s) In the timer's sleeping list. */

  int nice;           /* (s) MLFQS niceness. */
  int64_t recent_cpu; /* (s) MLFQS, 17.14 fixed point. */

  struct process *process; /* (o) User process, or NULL. */
  uint64_t ticks_run;      /* (s) Statistics. */
  bool is_idle;            /* (s) A CPU's idle thread. */
};

#define THREAD_MAGIC 0x7061676fu /* "pago" */

extern bool thread_mlfqs;

void thread_init(void);
/* Hooks of the layer above (userprog), registered once at boot: SWITCHED
   runs on every switch to a thread, interrupts off, before it resumes
   (loads its address space); EXITING runs in thread_exit before the
   thread goes (ends its process).  Either may be NULL. */
typedef void thread_hook_func(struct thread *t);
void thread_set_hooks(thread_hook_func *switched, thread_hook_func *exiting);
void thread_start(void);
/* An idle thread for the next CPU to start (not ready: that CPU runs it
   first), or NULL when memory is short.  Boot CPU. */
struct thread *thread_create_idle(void);
/* Entry of a newly started CPU, on IDLE's stack (from
   thread_create_idle), interrupts off: join the scheduler.  Never
   returns. */
void thread_run_cpu(void *idle) __attribute__((noreturn));
void thread_tick(void);
void thread_print_stats(void);

typedef void thread_func(void *aux);
tid_t thread_create(const char *name, int priority, thread_func *, void *);

/* The scheduler lock (a spinlock: interrupts off on this CPU).  It
   guards every (s) field, the ready queues and every semaphore; see
   threads/thread.c. */
extern struct spinlock thread_sched_spinlock;
static inline enum intr_level
thread_sched_lock(void)
{
  return spin_lock(&thread_sched_spinlock);
}
static inline void
thread_sched_unlock(enum intr_level old)
{
  spin_unlock(&thread_sched_spinlock, old);
}
static inline bool
thread_sched_held(void)
{
  return spin_held(&thread_sched_spinlock);
}

/* Sleep until woken by thread_unblock; the scheduler lock must be held
   (and is held again on return). */
void thread_block(void);
/* Make blocked T ready (takes the scheduler lock unless held). */
void thread_unblock(struct thread *);

struct thread *thread_current(void);
tid_t thread_tid(void);
const char *thread_name(void);

void thread_exit(void) __attribute__((noreturn));
/* Free exited threads' stacks and records.  Thread context only. */
void thread_reap(void);
/* Threads between entering thread_exit and their last switch (not yet
   reapable).  Any context. */
int thread_exiting_count(void);
void thread_yield(void);

/* Calls FUNC(t, AUX) for every thread; the scheduler lock must be held. */
typedef void thread_action_func(struct thread *t, void *aux);
void thread_foreach(thread_action_func *, void *);

int thread_get_priority(void);
void thread_set_priority(int);
/* Recompute T's effective priority from its base and its held locks'
   waiters, and propagate along the chain of locks it waits on. */
void thread_refresh_priority(struct thread *t);
/* Yield if a ready thread has higher priority than the running one. */
void thread_yield_if_preempted(void);

int thread_get_nice(void);
void thread_set_nice(int);
int thread_get_recent_cpu(void);
int thread_get_load_avg(void);

#endif
