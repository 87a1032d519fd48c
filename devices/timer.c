/* SPDX-License-Identifier: MIT */
/* The 8254 PIT, channel 0, interrupting TIMER_FREQ times a second.
 *
 * timer_sleep() puts the thread on a list ordered by wake-up tick and
 * blocks; the interrupt handler wakes every thread whose tick has come, so
 * sleeping costs no CPU.  Sub-tick sleeps busy-wait on a calibrated loop,
 * as they are too short to block for. */

#include "devices/timer.h"

#include <debug.h>
#include <list.h>
#include <stdio.h>

#include "arch/x86_64/cpu.h"
#include "lib/kernel/console.h"
#include "threads/interrupt.h"
#include "threads/thread.h"

#define PIT_HZ 1193182

static volatile int64_t ticks;
static struct list sleepers; /* Ordered by wakeup_tick; interrupts off. */

static void
timer_interrupt(struct intr_frame *f)
{
  (void)f;
  ticks++;
  thread_tick();
  while (!list_empty(&sleepers)) {
    struct thread *t =
        list_entry(list_front(&sleepers), struct thread, sleepelem);
    if (t->wakeup_tick > ticks)
      break;
    list_pop_front(&sleepers);
    thread_unblock(t);
  }
  thread_yield_if_preempted();
}

void
timer_init(void)
{
  uint16_t divisor = (PIT_HZ + TIMER_FREQ / 2) / TIMER_FREQ;
  outb(0x43, 0x34); /* Channel 0, lobyte/hibyte, rate generator. */
  outb(0x40, divisor & 0xff);
  outb(0x40, divisor >> 8);
  list_init(&sleepers);
  intr_register_ext(0x20, timer_interrupt, "8254 Timer");
}

int64_t
timer_ticks(void)
{
  enum intr_level old = intr_disable();
  int64_t t = ticks;
  intr_set_level(old);
  barrier();
  return t;
}

int64_t
timer_elapsed(int64_t then)
{
  return timer_ticks() - then;
}

static bool
wakes_earlier(const struct list_elem *a, const struct list_elem *b, void *aux)
{
  (void)aux;
  return list_entry(a, struct thread, sleepelem)->wakeup_tick <
         list_entry(b, struct thread, sleepelem)->wakeup_tick;
}

void
timer_sleep(int64_t n)
{
  if (n <= 0)
    return;
  ASSERT(intr_get_level() == INTR_ON);
  enum intr_level old = intr_disable();
  struct thread *t = thread_current();
  t->wakeup_tick = ticks + n;
  list_insert_ordered(&sleepers, &t->sleepelem, wakes_earlier, NULL);
  thread_block();
  intr_set_level(old);
}

/* Sleep NUM/DENOM seconds: whole ticks by blocking, the rest spinning. */
static void
real_time_sleep(int64_t num, int32_t denom)
{
  int64_t n = num * TIMER_FREQ / denom;
  if (n > 0) {
    timer_sleep(n);
    return;
  }
  /* Less than a tick: each read of the POST port takes about a
     microsecond on PC hardware and in QEMU. */
  int64_t us = num * 1000000 / denom;
  for (int64_t i = 0; i <= us; i++)
    inb(0x80);
}

void
timer_msleep(int64_t ms)
{
  real_time_sleep(ms, 1000);
}

void
timer_usleep(int64_t us)
{
  real_time_sleep(us, 1000 * 1000);
}

void
timer_nsleep(int64_t ns)
{
  real_time_sleep(ns, 1000 * 1000 * 1000);
}

void
timer_print_stats(void)
{
  printf("Timer: %lld ticks\n", (long long)timer_ticks());
}
