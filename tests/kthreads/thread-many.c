/* SPDX-License-Identifier: MIT */

/* thread-many: create many threads alive at the same time and check that
   each runs exactly once with its own argument and name, that thread ids
   are never reused, and that finished threads give all their memory back.

   A wave creates MANY threads at three priorities (below, equal to and
   above the test thread).  Each blocks on a gate semaphore, so all of them
   exist at once; the test thread then opens the gate MANY times and waits
   for everyone.  Two waves run back to back: the free kernel pages and
   heap bytes after the second must equal those after the first. */

#include <stdio.h>
#include <string.h>

#include "devices/timer.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define MANY 100

struct many_shared {
  struct semaphore gate, done;
  int runs[MANY];
  int bad_names;
};

struct many_arg {
  int index;
  struct many_shared *shared;
};

static void
many_name(char *buf, size_t size, int index)
{
  snprintf(buf, size, "many-%d", index);
}

static void
many_run(void *aux)
{
  struct many_arg *a = aux;
  struct many_shared *sh = a->shared;
  char expected[16];

  sema_down(&sh->gate);
  many_name(expected, sizeof expected, a->index);
  if (strcmp(thread_name(), expected) != 0)
    sh->bad_names++;
  sh->runs[a->index]++;
  sema_up(&sh->done);
}

/* Runs one wave; stores its tids in TIDS and prints what it saw. */
static void
many_wave(int wave, tid_t *tids)
{
  static struct many_shared sh;
  static struct many_arg args[MANY];
  static const int offsets[3] = {-5, 0, 5};
  char name[16];

  memset(&sh, 0, sizeof sh);
  sema_init(&sh.gate, 0);
  sema_init(&sh.done, 0);
  for (int i = 0; i < MANY; i++) {
    args[i] = (struct many_arg){.index = i, .shared = &sh};
    many_name(name, sizeof name, i);
    tids[i] =
        ktest_spawn(name, PRI_DEFAULT + offsets[i % 3], many_run, &args[i]);
  }
  for (int i = 0; i < MANY; i++)
    sema_up(&sh.gate);
  for (int i = 0; i < MANY; i++)
    sema_down(&sh.done);
  timer_sleep(3); /* Let the last threads finish exiting. */

  int once = 0;
  for (int i = 0; i < MANY; i++)
    once += sh.runs[i] == 1;
  ktest_msg("wave %d: %d of %d threads ran exactly once, %d wrong names", wave,
            once, MANY, sh.bad_names);
}

static int
many_count_duplicates(const tid_t *tids, int n)
{
  int dup = 0;
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      dup += tids[i] == tids[j];
  return dup;
}

/* Entry point of thread-many (see the note at the top). */
void
ktest_thread_many(void)
{
  static tid_t tids[2 * MANY];

  many_wave(1, tids);
  size_t pages = palloc_free_count(0);
  size_t bytes = malloc_bytes_in_use();
  many_wave(2, tids + MANY);
  ktest_msg("thread ids repeated: %d", many_count_duplicates(tids, 2 * MANY));
  ktest_msg("free kernel pages after each wave %s",
            palloc_free_count(0) == pages ? "equal" : "differ");
  ktest_msg("heap bytes after each wave %s",
            malloc_bytes_in_use() == bytes ? "equal" : "differ");
}
