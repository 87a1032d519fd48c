/* SPDX-License-Identifier: MIT */
/* Console and log output.
 *
 * The console is COM1 mirrored on the VGA screen; it carries only what the
 * ABI allows (program output, test messages, the Pintos lines).  Everything
 * else goes to the log on COM2.  A console write is atomic: before threads
 * exist, or in an interrupt handler, interrupts are simply off; afterwards a
 * sleeping lock serialises writers so long writes do not stall interrupts.
 * The log is always written with interrupts off, so it works from any
 * context, including the panic path.  The devices that carry both (the
 * serial ports and the screen) are registered by kmain: this layer calls
 * no driver by name. */

#include "lib/kernel/console.h"

#include <stdio.h>
#include <string.h>

#include "threads/interrupt.h"
#include "threads/synch.h"

static struct lock console_lock;
static bool use_lock;
static bool panicking;
static console_putc_func *console_sink, *log_sink; /* See console_init. */

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

static bool
acquire(enum intr_level *old)
{
  if (use_lock && !panicking && !intr_context() &&
      intr_get_level() == INTR_ON) {
    lock_acquire(&console_lock);
    return true;
  }
  *old = intr_disable();
  return false;
}

static void
release(bool locked, enum intr_level old)
{
  if (locked)
    lock_release(&console_lock);
  else
    intr_set_level(old);
}

static void
console_putc(char c)
{
  if (console_sink != NULL)
    console_sink(c);
}

void
putbuf(const char *buf, size_t n)
{
  enum intr_level old = INTR_OFF;
  bool locked = acquire(&old);
  for (size_t i = 0; i < n; i++)
    console_putc(buf[i]);
  release(locked, old);
}

static void
vprintf_out(char c, void *aux)
{
  (void)aux;
  console_putc(c);
}

int
vprintf(const char *fmt, va_list args)
{
  enum intr_level old = INTR_OFF;
  bool locked = acquire(&old);
  __vprintf(fmt, args, vprintf_out, NULL);
  release(locked, old);
  return 0;
}

int
puts(const char *s)
{
  enum intr_level old = INTR_OFF;
  bool locked = acquire(&old);
  while (*s != '\0')
    console_putc(*s++);
  console_putc('\n');
  release(locked, old);
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
  enum intr_level old = intr_disable();
  __vprintf(fmt, args, klog_out, NULL);
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
