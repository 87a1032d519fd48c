/* SPDX-License-Identifier: MIT */
#ifndef DEVICES_TIMER_H
#define DEVICES_TIMER_H

/* 8254 PIT at TIMER_FREQ Hz, and sleeping without busy waiting.  Includes
   <round.h> as Pintos' timer.h does (its tests use DIV_ROUND_UP). */

#include <round.h>
#include <stdint.h>

#define TIMER_FREQ 100

void timer_init(void);
int64_t timer_ticks(void);
int64_t timer_elapsed(int64_t then);
/* Sleep at least TICKS ticks; TICKS <= 0 returns at once. */
void timer_sleep(int64_t ticks);
void timer_msleep(int64_t ms);
void timer_usleep(int64_t us);
void timer_nsleep(int64_t ns);
void timer_print_stats(void);
/* Several CPUs: measure the local APIC timer against the PIT (boot CPU,
   interrupts on, takes about 6 ticks), then start the calling CPU's
   local timer at TIMER_FREQ (each other CPU, once). */
void timer_calibrate_local(void);
void timer_start_local(void);

#endif
