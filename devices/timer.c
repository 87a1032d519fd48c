/* SPDX-License-Identifier: MIT */
/* The 8254 PIT, channel 0, interrupting TIMER_FREQ times a second.
 *
 * timer_sleep() puts the thread on a list ordered by wake-up tick and
 * blocks; the interrupt handler wakes every thread whose tick has come, so
 * sleeping costs no CPU.  Sub-tick sleeps busy-wait on a calibrated loop,
 * as they are too short to block for.  The PIT interrupts the boot CPU
 * only; it is the clock (`ticks') and the boot CPU's scheduler tick.
 * The other CPUs tick from their local APIC timers, set at the same rate
 * (timer_start_local).  The sleepers list is guarded by the scheduler
 * lock, like the threads on it. */

#include "devices/timer.h"

#include <debug.h>
#include <list.h>
#include <stdio.h>

#include "arch/x86_64/apic.h"
#include "arch/x86_64/cpu.h"
#include "lib/kernel/console.h"
#include "threads/interrupt.h"
#include "threads/thread.h"

#define PIT_HZ 1193182

static volatile int64_t ticks;
static struct list sleepers; /* Ordered by wakeup_tick; scheduler lock. */
static uint32_t local_count; /* APIC timer count per tick (calibrated). */

static void
timer_interrupt(struct intr_frame *f)
{
  (void)f;
  __atomic_add_fetch(&ticks, 1, __ATOMIC_RELAXED);
  thread_tick();
  enum intr_level old = thread_sched_lock();
  while (!list_empty(&sleepers)) {
    struct thread *t =
        list_entry(list_front(&sleepers), struct thread, sleepelem);
    if (t->wakeup_tick > ticks)
      break;
    list_pop_front(&sleepers);
    thread_unblock(t);
  }
  thread_sched_unlock(old);
  thread_yield_if_preempted();
}

/* The local APIC timer of a CPU other than the boot CPU. */
static void
local_timer_interrupt(struct intr_frame *f)
{
  (void)f;
  thread_tick();
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
  int64_t t = __atomic_load_n(&ticks, __ATOMIC_RELAXED);
  barrier();
  return t;
}

/* See timer.h.  Counts how far the boot CPU's APIC timer runs down in
   CALIBRATE_TICKS PIT ticks; under QEMU every local APIC runs at the same
   rate. */
#define CALIBRATE_TICKS 5
void
timer_calibrate_local(void)
{
  ASSERT(intr_get_level() == INTR_ON);
  intr_register_local(VEC_APIC_TIMER, local_timer_interrupt, "APIC timer");
  int64_t start = timer_ticks();
  while (timer_ticks() == start)
    asm volatile("pause");
  enum intr_level old = intr_disable();
  apic_timer_free_run();
  uint32_t c0 = apic_timer_count();
  intr_set_level(old);
  start = timer_ticks();
  while (timer_ticks() < start + CALIBRATE_TICKS)
    asm volatile("pause");
  uint32_t c1 = apic_timer_count();
  local_count = (c0 - c1) / CALIBRATE_TICKS;
  if (local_count == 0)
    local_count = 1;
  klog_printf("timer: local APIC timer %u counts a tick\n", local_count);
}

/* See timer.h. */
void
timer_start_local(void)
{
  apic_timer_start(local_count, VEC_APIC_TIMER);
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
  enum intr_level old = thread_sched_lock();
  struct thread *t = thread_current();
  t->wakeup_tick = ticks + n;
  list_insert_ordered(&sleepers, &t->sleepelem, wakes_earlier, NULL);
  thread_block();
  thread_sched_unlock(old);
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
