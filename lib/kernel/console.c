/* SPDX-License-Identifier: MIT */
/* Console and log output.
 *
 * The console is COM1 mirrored on the VGA screen; it carries only what the
 * ABI allows (program output, test messages, the Pintos lines).  Everything
 * else goes to the log on COM2.  A console write is atomic: threads hold a
 * sleeping lock for the whole write, so long writes do not stall
 * interrupts; before threads exist, in an interrupt handler or with
 * interrupts off, a writer holds the console spinlock instead for the
 * whole write.  The threads' writes take that spinlock too, for each
 * chunk of CHUNK characters, so that a write from an interrupt handler on
 * another CPU can come between two chunks but never inside one.  A log
 * line is written under the log spinlock, so it works from any context
 * and lines from several CPUs never mix.  The panic path takes no lock at
 * all.  The devices that carry both (the serial ports and the screen) are
 * registered by kmain: this layer calls no driver by name. */

#include "lib/kernel/console.h"

#include <stdio.h>
#include <string.h>

#include "threads/interrupt.h"
#include "threads/spinlock.h"
#include "threads/synch.h"

#define CHUNK 128

static struct lock console_lock;
static struct spinlock console_spin =
    SPINLOCK_INIT("console", LOCK_RANK_SPIN_CONSOLE);
static struct spinlock log_spin = SPINLOCK_INIT("log", LOCK_RANK_SPIN_LOG);
static bool use_lock;
static bool panicking;
static console_putc_func *console_sink, *log_sink; /* See console_init. */

/* One console write in progress: how it excludes the others, and (under
   the sleeping lock) the characters not yet sent. */
struct writer {
  bool sleeping;       /* Holds console_lock (else console_spin, or none
                          when panicking). */
  bool spun;           /* Holds console_spin. */
  enum intr_level old; /* Level to restore. */
  size_t n;            /* Characters in BUF. */
  char buf[CHUNK];
};

void
console_init(console_putc_func *console, console_putc_func *log)
{
  console_sink = console;
  log_sink = log;
}

void
console_init_lock(void)
{
  lock_init_ranked(&console_lock, LOCK_RANK_CONSOLE);
  use_lock = true;
}

void
console_panic(void)
{
  panicking = true;
}

static void
acquire(struct writer *w)
{
  w->n = 0;
  w->spun = false;
  w->sleeping = use_lock && !panicking && !intr_context() &&
                intr_get_level() == INTR_ON && spin_depth() == 0;
  if (w->sleeping) {
    lock_acquire(&console_lock);
  } else if (!panicking) {
    w->old = spin_lock(&console_spin);
    w->spun = true;
  } else {
    w->old = intr_disable();
  }
}

/* Send the buffered characters, under the spinlock. */
static void
flush(struct writer *w)
{
  if (w->n == 0)
    return;
  enum intr_level old = INTR_OFF;
  bool spin = !panicking;
  if (spin)
    old = spin_lock(&console_spin);
  for (size_t i = 0; i < w->n; i++)
    console_sink(w->buf[i]);
  if (spin)
    spin_unlock(&console_spin, old);
  w->n = 0;
}

static void
put(struct writer *w, char c)
{
  if (console_sink == NULL)
    return;
  if (!w->sleeping) {
    console_sink(c);
    return;
  }
  w->buf[w->n++] = c;
  if (w->n == CHUNK)
    flush(w);
}

static void
release(struct writer *w)
{
  if (w->sleeping) {
    flush(w);
    lock_release(&console_lock);
  } else if (w->spun) {
    spin_unlock(&console_spin, w->old);
  } else {
    intr_set_level(w->old);
  }
}

void
putbuf(const char *buf, size_t n)
{
  struct writer w;
  acquire(&w);
  for (size_t i = 0; i < n; i++)
    put(&w, buf[i]);
  release(&w);
}

static void
vprintf_out(char c, void *aux)
{
  put(aux, c);
}

int
vprintf(const char *fmt, va_list args)
{
  struct writer w;
  acquire(&w);
  __vprintf(fmt, args, vprintf_out, &w);
  release(&w);
  return 0;
}

int
puts(const char *s)
{
  struct writer w;
  acquire(&w);
  while (*s != '\0')
    put(&w, *s++);
  put(&w, '\n');
  release(&w);
  return 0;
}

int
putchar(int c)
{
  char ch = c;
  putbuf(&ch, 1);
  return c;
}

static void
klog_out(char c, void *aux)
{
  (void)aux;
  if (log_sink != NULL)
    log_sink(c);
}

void
klog_vprintf(const char *fmt, va_list args)
{
  bool spin = !panicking;
  enum intr_level old = spin ? spin_lock(&log_spin) : intr_disable();
  __vprintf(fmt, args, klog_out, NULL);
  if (spin)
    spin_unlock(&log_spin, old);
  else
    intr_set_level(old);
}

void
klog_printf(const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  klog_vprintf(fmt, args);
  va_end(args);
}
