/* SPDX-License-Identifier: MIT */
/* Threads and the scheduler.
 *
 * Strict priority with 64 levels: one FIFO ready queue per level plus a
 * 64-bit mask of the non-empty ones, so picking the next thread is a
 * find-highest-bit.  Threads of equal priority share the CPU round robin,
 * TIME_SLICE ticks each.  A thread's effective priority is the maximum of
 * its own and that of every thread waiting on a lock it holds (donation);
 * thread_refresh_priority() recomputes it and follows the chain of locks.
 *
 * One spinlock, the scheduler lock, guards all scheduler state: the ready
 * queues, every thread's status, priorities and list elements, the
 * values and waiters of every semaphore and the holders of locks
 * (synch.c), the timer's sleepers.  One lock for all of it keeps
 * donation, which follows chains of threads and locks, simple; its
 * critical sections are short.  A thread that switches away holds it
 * across switch_threads, and the thread that resumes on that CPU
 * releases it (the lock belongs to the CPU, not the thread), so no other
 * CPU can pick a thread whose registers are still being saved.  Each CPU
 * has its own running thread and idle thread (arch/x86_64/percpu.h); the
 * ready queues are shared, so a thread runs on whichever CPU picks it
 * next (threads migrate).  When a thread becomes ready and another CPU
 * is idle or runs something of lower priority, that CPU gets a
 * reschedule IPI.  On one CPU none of this costs more than the
 * interrupts-off of a one-CPU kernel.
 *
 * Exited threads become zombies and are freed later by a live thread
 * (thread_reap), because a thread cannot free the stack it is running on
 * and the scheduler must not sleep on the allocator's locks. */

#include "threads/thread.h"

#include <debug.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "arch/x86_64/apic.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/mmu.h"
#include "arch/x86_64/percpu.h"
#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "mm/vaddr.h"
#include "devices/timer.h"
#include "threads/fixed-point.h"
#include "threads/interrupt.h"
#include "threads/spinlock.h"

#define TIME_SLICE 4
#define STACK_SLOT_PAGES 8 /* Stack pages + guard, rounded up. */
/* Most threads at once (kernel memory runs out first). */
#define STACK_SLOTS 1024

_Static_assert(offsetof(struct thread, ctx_rsp) == 32, "switch.S CTX_RSP");

bool thread_mlfqs;

static thread_hook_func *switch_hook; /* See thread_set_hooks. */
static thread_hook_func *exit_hook;

struct spinlock thread_sched_spinlock =
    SPINLOCK_INIT("sched", LOCK_RANK_SPIN_SCHED);
#define sched_lock thread_sched_spinlock
static struct list ready[PRI_MAX + 1];
static uint64_t ready_mask;       /* Bit P set iff ready[P] non-empty. */
static int ready_cnt;             /* Threads on the ready queues. */
static fixed_t load_avg;          /* MLFQS: ready threads, averaged. */
static uint64_t sched_ticks;      /* Timer ticks seen by the scheduler. */
static struct list all_threads;   /* Every live thread (gdb walks it). */
static struct list zombies;       /* Exited, waiting to be freed. */
static int exiting;               /* In thread_exit, not yet switched out. */
static struct thread main_thread; /* The boot thread: static, never freed. */
static tid_t next_tid = 1;

static uint64_t stack_slot_used[STACK_SLOTS / 64];
static uint64_t idle_ticks, kernel_ticks, user_ticks;

extern uint8_t boot_stack[], boot_stack_top[];
struct thread *switch_threads(struct thread *cur, struct thread *next);
void thread_trampoline(void);
void thread_switch_tail(struct thread *prev);

static void
init_fields(struct thread *t, const char *name, int priority)
{
  memset(t, 0, sizeof *t);
  t->magic = THREAD_MAGIC;
  t->status = THREAD_BLOCKED;
  strlcpy(t->name, name, sizeof t->name);
  t->priority = t->base_priority = priority;
  list_init(&t->held_locks);
}

/* Turn the code running since boot into the thread "main".  Interrupts
   must be off; no allocation happens here. */
void
thread_init(void)
{
  ASSERT(intr_get_level() == INTR_OFF);
  for (int p = PRI_MIN; p <= PRI_MAX; p++)
    list_init(&ready[p]);
  list_init(&all_threads);
  list_init(&zombies);
  init_fields(&main_thread, "main", PRI_DEFAULT);
  main_thread.kstack_base = boot_stack;
  main_thread.kstack_top = boot_stack_top;
  main_thread.status = THREAD_RUNNING;
  main_thread.tid = next_tid++;
  list_push_back(&all_threads, &main_thread.allelem);
  cpu_write(current, &main_thread);
}

struct thread *
thread_current(void)
{
  struct thread *t = cpu_read(current);
  ASSERT(t != NULL && t->magic == THREAD_MAGIC);
  return t;
}

tid_t
thread_tid(void)
{
  return thread_current()->tid;
}

const char *
thread_name(void)
{
  return thread_current()->name;
}

static void
ready_push(struct thread *t)
{
  list_push_back(&ready[t->priority], &t->elem);
  ready_mask |= 1ull << t->priority;
  ready_cnt++;
}

static void
ready_remove(struct thread *t)
{
  list_remove(&t->elem);
  if (list_empty(&ready[t->priority]))
    ready_mask &= ~(1ull << t->priority);
  ready_cnt--;
}

static int
ready_max_priority(void)
{
  return ready_mask ? 63 - __builtin_clzll(ready_mask) : -1;
}

static struct thread *
next_thread_to_run(void)
{
  int p = ready_max_priority();
  if (p < 0)
    return cpu_read(idle);
  struct thread *t = list_entry(list_front(&ready[p]), struct thread, elem);
  ready_remove(t);
  return t;
}

/* T has just become ready: if another CPU idles or runs a thread of
   lower priority than T's, ask the one running the lowest to reschedule.
   (This CPU's own preemption is its callers' business:
   thread_yield_if_preempted.)  Scheduler lock held. */
static void
kick_cpu(const struct thread *t)
{
  int self = cpu_read(id);
  int best = -1, best_pri = t->priority;
  for (int i = 0; i < cpu_count; i++) {
    const struct thread *run = cpus[i].current;
    if (i == self || run == NULL || !cpus[i].sched_ready)
      continue;
    int pri = run->is_idle ? -1 : run->priority;
    if (pri < best_pri) {
      best = i;
      best_pri = pri;
    }
  }
  if (best >= 0)
    apic_send_ipi(cpus[best].apic_id, VEC_IPI_RESCHED);
}

/* The 4.4BSD scheduler (-mlfqs).  Every tick the running thread's
   recent_cpu grows by one; every second the load average and every
   thread's recent_cpu decay; every fourth tick priorities are recomputed
   from recent_cpu and nice:
     priority   = PRI_MAX - recent_cpu / 4 - 2 * nice       (clamped)
     recent_cpu = 2*load / (2*load + 1) * recent_cpu + nice
     load_avg   = 59/60 * load_avg + 1/60 * ready_threads
   ready_threads counts the threads running on every CPU too.  The boot
   CPU's tick (the PIT's) drives the once-a-second and every-fourth-tick
   work; each CPU's own tick charges its running thread.  All in 17.14
   fixed point, scheduler lock held. */
static int
mlfqs_priority(const struct thread *t)
{
  int64_t p = PRI_MAX - fp_trunc(t->recent_cpu / 4) - 2 * t->nice;
  return p < PRI_MIN ? PRI_MIN : p > PRI_MAX ? PRI_MAX : p;
}

static void
mlfqs_decay(struct thread *t, void *aux)
{
  (void)aux;
  fixed_t twice = 2 * load_avg;
  t->recent_cpu =
      fp_mul(fp_div(twice, twice + FP_ONE), t->recent_cpu) + fp_int(t->nice);
}

static void
mlfqs_reprioritize(struct thread *t, void *aux)
{
  (void)aux;
  if (t->is_idle)
    return;
  int p = mlfqs_priority(t);
  if (p == t->priority)
    return;
  if (t->status == THREAD_READY) {
    ready_remove(t);
    t->priority = t->base_priority = p;
    ready_push(t);
  } else {
    t->priority = t->base_priority = p;
  }
}

static int
threads_running(void)
{
  int n = 0;
  for (int i = 0; i < cpu_count; i++)
    if (cpus[i].current != NULL && !cpus[i].current->is_idle)
      n++;
  return n;
}

/* Returns true when priorities were recomputed. */
static bool
mlfqs_tick(struct thread *cur)
{
  if (!cur->is_idle)
    cur->recent_cpu += FP_ONE;
  if (cpu_read(id) != 0)
    return false;
  sched_ticks++;
  if (sched_ticks % TIMER_FREQ == 0) {
    load_avg = (59 * load_avg + fp_int(ready_cnt + threads_running())) / 60;
    thread_foreach(mlfqs_decay, NULL);
  }
  if (sched_ticks % 4 != 0)
    return false;
  thread_foreach(mlfqs_reprioritize, NULL);
  return true;
}

/* Runs on NEXT's stack right after a switch, scheduler lock held. */
void
thread_switch_tail(struct thread *prev)
{
  struct thread *cur = cpu_read(current);
  cur->status = THREAD_RUNNING;
  cpu_write(slice_ticks, 0);
  tss_set_rsp0((uint64_t)cur->kstack_top);
  if (switch_hook != NULL)
    switch_hook(cur);
  if (prev != NULL && prev->status == THREAD_DYING) {
    exiting--;
    if (prev != &main_thread)
      list_push_back(&zombies, &prev->elem);
  }
}

/* First C code of a new thread (from thread_trampoline): finish the
   switch and let go of the scheduler lock that its predecessor took;
   interrupts stay off until the trampoline enables them. */
void thread_first_run(struct thread *prev);
void
thread_first_run(struct thread *prev)
{
  thread_switch_tail(prev);
  spin_release(&sched_lock);
}

/* Switch to the next thread.  The caller holds the scheduler lock and has
   set the running thread's new status. */
static void
schedule(void)
{
  ASSERT(intr_get_level() == INTR_OFF);
  ASSERT(spin_held(&sched_lock));
  struct thread *cur = cpu_read(current);
  ASSERT(cur->status != THREAD_RUNNING);
  struct thread *next = next_thread_to_run();
  if (next != cur) {
    cpu_write(current, next);
    struct thread *prev = switch_threads(cur, next);
    thread_switch_tail(prev);
  } else {
    cur->status = THREAD_RUNNING;
  }
}

static void stack_free(uint8_t *base);

/* Map a fresh kernel stack below an unmapped guard page; NULL when out of
   slots or memory. */
static uint8_t *
stack_alloc(void)
{
  enum intr_level old = spin_lock(&sched_lock);
  int slot = -1;
  for (int w = 0; w < STACK_SLOTS / 64 && slot < 0; w++)
    if (~stack_slot_used[w]) {
      int b = __builtin_ctzll(~stack_slot_used[w]);
      stack_slot_used[w] |= 1ull << b;
      slot = w * 64 + b;
    }
  spin_unlock(&sched_lock, old);
  if (slot < 0)
    return NULL;
  uint8_t *top =
      (uint8_t *)KSTACK_AREA + (slot + 1) * STACK_SLOT_PAGES * PGSIZE;
  uint8_t *base = top - THREAD_STACK_PAGES * PGSIZE;
  for (uint8_t *va = base; va < top; va += PGSIZE) {
    void *frame = palloc_get_page(0);
    if (frame == NULL || !mmu_map_kernel(va, frame)) {
      palloc_free_page(frame);
      stack_free(base);
      return NULL;
    }
  }
  return base;
}

static void
stack_free(uint8_t *base)
{
  uint8_t *top = base + THREAD_STACK_PAGES * PGSIZE;
  void *frames[THREAD_STACK_PAGES];
  for (int i = 0; i < THREAD_STACK_PAGES; i++)
    frames[i] = mmu_lookup_kernel(base + i * PGSIZE);
  /* One shootdown for the whole stack; after it no CPU reaches the
     frames through an old entry, so they may go back to the pool. */
  mmu_unmap_kernel_range(base, THREAD_STACK_PAGES);
  for (int i = 0; i < THREAD_STACK_PAGES; i++)
    palloc_free_page(frames[i]);
  size_t slot =
      ((uintptr_t)top - KSTACK_AREA) / (STACK_SLOT_PAGES * PGSIZE) - 1;
  enum intr_level old = spin_lock(&sched_lock);
  stack_slot_used[slot / 64] &= ~(1ull << (slot % 64));
  spin_unlock(&sched_lock, old);
}

/* Free every zombie.  Called from thread context only (may sleep). */
void
thread_reap(void)
{
  for (;;) {
    enum intr_level old = spin_lock(&sched_lock);
    struct thread *z = NULL;
    if (!list_empty(&zombies))
      z = list_entry(list_pop_front(&zombies), struct thread, elem);
    spin_unlock(&sched_lock, old);
    if (z == NULL)
      return;
    stack_free(z->kstack_base);
    z->magic = 0;
    free(z);
  }
}

/* Threads that have entered thread_exit but not yet switched away for
   the last time: their stacks and records are still in use, so a census
   of free memory must wait for them (a process's waiter can run as soon
   as the exit is signalled, before its thread is gone).  Any context. */
int
thread_exiting_count(void)
{
  enum intr_level old = spin_lock(&sched_lock);
  int n = exiting;
  spin_unlock(&sched_lock, old);
  return n;
}

/* Build the initial stack so the first switch to T "returns" into
   thread_trampoline with FUNC and AUX in r12/r13. */
static void
prepare_stack(struct thread *t, thread_func *func, void *aux)
{
  uint64_t *sp = (uint64_t *)t->kstack_top;
  *--sp = 0;                           /* keeps rsp 16-aligned in trampoline */
  *--sp = (uint64_t)thread_trampoline; /* rip */
  *--sp = 0;                           /* rbp: end of backtraces */
  *--sp = 0;                           /* rbx */
  *--sp = (uint64_t)func;              /* r12 */
  *--sp = (uint64_t)aux;               /* r13 */
  *--sp = 0;                           /* r14 */
  *--sp = 0;                           /* r15 */
  t->ctx_rsp = (uintptr_t)sp;
}

/* A new thread record with its stack, not yet known to the scheduler;
   NULL when memory is short. */
static struct thread *
thread_alloc(const char *name, int priority)
{
  struct thread *t = malloc(sizeof *t);
  if (t == NULL)
    return NULL;
  init_fields(t, name, priority);
  t->kstack_base = stack_alloc();
  if (t->kstack_base == NULL) {
    free(t);
    return NULL;
  }
  t->kstack_top = t->kstack_base + THREAD_STACK_PAGES * PGSIZE;
  return t;
}

/* Start a kernel thread running FUNC(AUX) at PRIORITY.  Returns its tid, or
   TID_ERROR when memory is short.  May preempt the caller. */
tid_t
thread_create(const char *name, int priority, thread_func *func, void *aux)
{
  ASSERT(priority >= PRI_MIN && priority <= PRI_MAX);
  dbg(SCHED, "create '%s' at priority %d\n", name, priority);
  thread_reap();
  struct thread *t = thread_alloc(name, priority);
  if (t == NULL)
    return TID_ERROR;
  prepare_stack(t, func, aux);

  enum intr_level old = spin_lock(&sched_lock);
  struct thread *cur = thread_current();
  t->tid = next_tid++;
  t->nice = cur->nice;
  t->recent_cpu = cur->recent_cpu;
  if (thread_mlfqs)
    t->priority = t->base_priority = mlfqs_priority(t);
  list_push_back(&all_threads, &t->allelem);
  tid_t tid = t->tid;
  thread_unblock(t);
  spin_unlock(&sched_lock, old);
  thread_yield_if_preempted();
  return tid;
}

/* Put the running thread to sleep until thread_unblock.  The caller holds
   the scheduler lock (thread_sched_lock), which it holds again when this
   returns. */
void
thread_block(void)
{
  ASSERT(!intr_context());
  ASSERT(spin_held(&sched_lock));
  cpu_read(current)->status = THREAD_BLOCKED;
  schedule();
}

/* Make blocked T ready.  Does not preempt the caller (callers decide),
   but may send another CPU a reschedule IPI.  Takes the scheduler lock
   unless this CPU holds it already; any context. */
void
thread_unblock(struct thread *t)
{
  ASSERT(t->magic == THREAD_MAGIC);
  bool held = spin_held(&sched_lock);
  enum intr_level old = INTR_OFF;
  if (!held)
    old = spin_lock(&sched_lock);
  ASSERT(t->status == THREAD_BLOCKED);
  t->status = THREAD_READY;
  ready_push(t);
  kick_cpu(t);
  if (!held)
    spin_unlock(&sched_lock, old);
}

void
thread_yield(void)
{
  ASSERT(!intr_context());
  enum intr_level old = spin_lock(&sched_lock);
  struct thread *cur = cpu_read(current);
  if (cur->is_idle) {
    cur->status = THREAD_BLOCKED; /* Runs only when nothing is ready. */
  } else {
    cur->status = THREAD_READY;
    ready_push(cur);
    kick_cpu(cur);
  }
  schedule();
  spin_unlock(&sched_lock, old);
}

void
thread_yield_if_preempted(void)
{
  enum intr_level old = spin_lock(&sched_lock);
  struct thread *cur = cpu_read(current);
  int pri = cur->is_idle ? -1 : cur->priority;
  bool preempt = ready_max_priority() > pri;
  if (preempt && intr_context())
    intr_yield_on_return();
  spin_unlock(&sched_lock, old);
  if (preempt && !intr_context() && old == INTR_ON)
    thread_yield();
}

void
thread_exit(void)
{
  ASSERT(!intr_context());
  enum intr_level old = spin_lock(&sched_lock);
  exiting++;
  spin_unlock(&sched_lock, old);
  struct thread *cur = thread_current();
  if (exit_hook != NULL)
    exit_hook(cur);
  thread_reap();
  spin_lock(&sched_lock);
  list_remove(&cur->allelem);
  cur->status = THREAD_DYING;
  schedule();
  NOT_REACHED();
}

void
thread_set_hooks(thread_hook_func *switched, thread_hook_func *exiting)
{
  switch_hook = switched;
  exit_hook = exiting;
}

/* This CPU's timer interrupt: account the tick and enforce the time
   slice. */
void
thread_tick(void)
{
  enum intr_level old = spin_lock(&sched_lock);
  struct thread *t = cpu_read(current);
  if (t->is_idle)
    idle_ticks++;
  else if (t->process != NULL)
    user_ticks++;
  else
    kernel_ticks++;
  t->ticks_run++;
  bool recomputed = thread_mlfqs && mlfqs_tick(t);
  unsigned slice = cpu_read(slice_ticks) + 1;
  cpu_write(slice_ticks, slice);
  int pri = t->is_idle ? -1 : t->priority;
  if (slice >= TIME_SLICE || (recomputed && ready_max_priority() > pri))
    intr_yield_on_return();
  spin_unlock(&sched_lock, old);
}

/* Calls FUNC(t, AUX) for every thread; the scheduler lock must be held. */
void
thread_foreach(thread_action_func *func, void *aux)
{
  ASSERT(spin_held(&sched_lock));
  for (struct list_elem *e = list_begin(&all_threads);
       e != list_end(&all_threads); e = list_next(e))
    func(list_entry(e, struct thread, allelem), aux);
}

/* Highest priority donated to T through the locks it holds. */
static int
donated_priority(struct thread *t)
{
  int best = t->base_priority;
  for (struct list_elem *e = list_begin(&t->held_locks);
       e != list_end(&t->held_locks); e = list_next(e)) {
    struct lock *l = list_entry(e, struct lock, elem);
    struct list *w = &l->semaphore.waiters;
    for (struct list_elem *we = list_begin(w); we != list_end(w);
         we = list_next(we)) {
      int p = list_entry(we, struct thread, elem)->priority;
      if (p > best)
        best = p;
    }
  }
  return best;
}

/* See thread.h.  Takes the scheduler lock unless this CPU holds it. */
void
thread_refresh_priority(struct thread *t)
{
  if (thread_mlfqs)
    return; /* The 4.4BSD scheduler sets priorities; no donation. */
  bool held = spin_held(&sched_lock);
  enum intr_level old = INTR_OFF;
  if (!held)
    old = spin_lock(&sched_lock);
  for (int depth = 0; t != NULL && depth < 16; depth++) {
    int p = donated_priority(t);
    if (p == t->priority)
      break;
    if (t->status == THREAD_READY) {
      ready_remove(t);
      t->priority = p;
      ready_push(t);
    } else {
      t->priority = p;
    }
    t = t->waiting_lock != NULL ? t->waiting_lock->holder : NULL;
  }
  if (!held)
    spin_unlock(&sched_lock, old);
}

int
thread_get_priority(void)
{
  return thread_current()->priority;
}

void
thread_set_priority(int priority)
{
  ASSERT(priority >= PRI_MIN && priority <= PRI_MAX);
  if (thread_mlfqs)
    return; /* The scheduler owns priorities. */
  enum intr_level old = spin_lock(&sched_lock);
  struct thread *cur = thread_current();
  cur->base_priority = priority;
  thread_refresh_priority(cur);
  spin_unlock(&sched_lock, old);
  thread_yield_if_preempted();
}

int
thread_get_nice(void)
{
  return thread_current()->nice;
}

/* Set the running thread's niceness (clamped to -20..20); under MLFQS its
   priority follows at once and it yields if it no longer leads. */
void
thread_set_nice(int nice)
{
  enum intr_level old = spin_lock(&sched_lock);
  struct thread *cur = thread_current();
  cur->nice = nice < -20 ? -20 : nice > 20 ? 20 : nice;
  if (thread_mlfqs)
    cur->priority = cur->base_priority = mlfqs_priority(cur);
  spin_unlock(&sched_lock, old);
  thread_yield_if_preempted();
}

/* 100 times the running thread's recent_cpu, rounded. */
int
thread_get_recent_cpu(void)
{
  enum intr_level old = spin_lock(&sched_lock);
  int r = fp_round(thread_current()->recent_cpu * 100);
  spin_unlock(&sched_lock, old);
  return r;
}

/* 100 times the system load average, rounded. */
int
thread_get_load_avg(void)
{
  enum intr_level old = spin_lock(&sched_lock);
  int r = fp_round(load_avg * 100);
  spin_unlock(&sched_lock, old);
  return r;
}

/* The body of every CPU's idle thread: run whatever is ready, and halt
   when nothing is.  `sti' takes effect after the next instruction, so an
   interrupt (a reschedule IPI, the timer) that is pending before hlt
   still wakes it. */
static void __attribute__((noreturn)) idle_loop(void)
{
  for (;;) {
    spin_lock(&sched_lock);
    thread_block();
    spin_release(&sched_lock);
    asm volatile("sti; hlt" : : : "memory");
  }
}

static void
idle(void *started)
{
  enum intr_level old = spin_lock(&sched_lock);
  struct thread *cur = cpu_read(current);
  cur->is_idle = true;
  cpu_write(idle, cur);
  spin_unlock(&sched_lock, old);
  sema_up(started);
  idle_loop();
}

/* See thread.h. */
struct thread *
thread_create_idle(void)
{
  char name[THREAD_NAME_MAX];
  snprintf(name, sizeof name, "idle%d", cpu_count);
  struct thread *t = thread_alloc(name, PRI_MIN);
  if (t == NULL)
    return NULL;
  enum intr_level old = spin_lock(&sched_lock);
  t->tid = next_tid++;
  t->is_idle = true;
  t->status = THREAD_RUNNING;
  list_push_back(&all_threads, &t->allelem);
  spin_unlock(&sched_lock, old);
  return t;
}

/* See thread.h. */
void
thread_run_cpu(void *idle)
{
  struct thread *t = idle;
  spin_lock(&sched_lock);
  cpu_write(current, t);
  cpu_write(idle, t);
  tss_set_rsp0((uint64_t)t->kstack_top);
  cpu_write(sched_ready, true);
  spin_release(&sched_lock);
  timer_start_local();
  idle_loop();
}

/* A reschedule IPI: another CPU made a thread ready that should run
   here. */
static void
resched_interrupt(struct intr_frame *f)
{
  (void)f;
  thread_yield_if_preempted();
}

/* Start preemptive scheduling: create the idle thread, enable
   interrupts. */
void
thread_start(void)
{
  mmu_prealloc_kernel(KSTACK_AREA,
                      KSTACK_AREA + STACK_SLOTS * STACK_SLOT_PAGES * PGSIZE);
  intr_register_local(VEC_IPI_RESCHED, resched_interrupt, "reschedule IPI");
  struct semaphore started;
  sema_init(&started, 0);
  thread_create("idle", PRI_MIN, idle, &started);
  cpu_write(sched_ready, true);
  intr_enable();
  sema_down(&started);
}

void
thread_print_stats(void)
{
  klog_printf("Thread: %llu idle ticks, %llu kernel ticks, %llu user ticks\n",
              (unsigned long long)idle_ticks, (unsigned long long)kernel_ticks,
              (unsigned long long)user_ticks);
}
