/* SPDX-License-Identifier: MIT */
/* Five threads sleep for different numbers of ticks, started in a
   scrambled order; they must wake in the order of their sleeps, each
   after at least its own number of ticks. */

#include <stdint.h>
#include <stdio.h>

#include "devices/timer.h"
#include "tests/threads/tests.h"
#include "threads/synch.h"
#include "threads/thread.h"

#define SLEEPERS 5

static struct lock order_lock;
static struct semaphore finished;
static int woke[SLEEPERS], woken;
static int64_t start;
static bool overslept = true;

static void
sleeper(void *aux)
{
  int ticks = (int)(intptr_t)aux;
  timer_sleep(ticks);
  lock_acquire(&order_lock);
  woke[woken++] = ticks;
  overslept &= timer_elapsed(start) >= ticks;
  lock_release(&order_lock);
  sema_up(&finished);
}

void
test_sleep_sort(void)
{
  static const int ticks[SLEEPERS] = {40, 10, 50, 20, 30};
  lock_init(&order_lock);
  sema_init(&finished, 0);
  start = timer_ticks();
  for (int i = 0; i < SLEEPERS; i++) {
    char name[16];
    snprintf(name, sizeof name, "sleeper %d", i);
    thread_create(name, PRI_DEFAULT, sleeper, (void *)(intptr_t)ticks[i]);
  }
  for (int i = 0; i < SLEEPERS; i++)
    sema_down(&finished);
  msg("woke after %d %d %d %d %d ticks", woke[0], woke[1], woke[2], woke[3],
      woke[4]);
  msg("each slept at least its ticks: %s", overslept ? "yes" : "no");
  pass();
}
