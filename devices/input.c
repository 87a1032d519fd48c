/* SPDX-License-Identifier: MIT */
/* A ring buffer between the input interrupt handlers (producers) and
 * threads reading the console (consumers).  A semaphore counts the bytes,
 * so readers sleep instead of spinning; a lock keeps readers in order. */

#include "devices/input.h"

#include "threads/interrupt.h"
#include "threads/synch.h"

#define INPUT_SIZE 256

static uint8_t buf[INPUT_SIZE];
static unsigned head, tail; /* Guarded by interrupts off. */
static struct semaphore avail;
static struct lock readers;

void
input_init(void)
{
  sema_init(&avail, 0);
  lock_init(&readers);
}

void
input_putc(uint8_t c)
{
  if (head - tail >= INPUT_SIZE)
    return;
  buf[head++ % INPUT_SIZE] = c;
  sema_up(&avail);
}

uint8_t
input_getc(void)
{
  lock_acquire(&readers);
  sema_down(&avail);
  enum intr_level old = intr_disable();
  uint8_t c = buf[tail++ % INPUT_SIZE];
  intr_set_level(old);
  lock_release(&readers);
  return c;
}
