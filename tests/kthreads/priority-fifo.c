/* SPDX-License-Identifier: MIT */

/* priority-fifo: threads of equal priority take turns in FIFO order.

   The test thread raises itself above the workers while creating them,
   so none runs early, then drops below them.  Each worker, ROUNDS times,
   appends its number to a log and yields.  A correct round-robin queue
   gives 0 1 2 ... N-1 on every round; a LIFO queue, a queue that favours
   the yielding thread, or a lost thread shows up as a different line. */

#include <stdio.h>

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define FIFO_THREADS 8
#define FIFO_ROUNDS 5
#define FIFO_PRIORITY (PRI_DEFAULT + 2)

struct fifo_worker {
  int id;
  struct ktest_log *log;
  struct semaphore *done;
};

static void
fifo_worker_run(void *aux)
{
  struct fifo_worker *w = aux;

  for (int r = 0; r < FIFO_ROUNDS; r++) {
    ktest_log_add(w->log, w->id);
    thread_yield();
  }
  sema_up(w->done);
}

/* Entry point of priority-fifo (see the note at the top). */
void
ktest_priority_fifo(void)
{
  static struct ktest_log log;
  struct fifo_worker workers[FIFO_THREADS];
  struct semaphore done;

  ktest_log_init(&log);
  sema_init(&done, 0);
  thread_set_priority(FIFO_PRIORITY + 1);
  for (int i = 0; i < FIFO_THREADS; i++) {
    workers[i] = (struct fifo_worker){.id = i, .log = &log, .done = &done};
    ktest_spawn("fifo", FIFO_PRIORITY, fifo_worker_run, &workers[i]);
  }
  ktest_msg("%d workers created, %d recorded turns before main stepped down",
            FIFO_THREADS, log.count);
  thread_set_priority(PRI_DEFAULT);
  for (int i = 0; i < FIFO_THREADS; i++)
    sema_down(&done);

  for (int r = 0; r < FIFO_ROUNDS; r++) {
    char label[32];
    snprintf(label, sizeof label, "round %d:", r);
    ktest_log_print(&log, label, r * FIFO_THREADS, FIFO_THREADS);
  }
  ktest_msg("%d turns in all", log.count);
}
