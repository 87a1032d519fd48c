/* SPDX-License-Identifier: MIT */
/* A ring buffer between the input interrupt handlers (producers) and
 * threads reading the console (consumers).  A semaphore counts the bytes,
 * so readers sleep instead of spinning; a lock keeps readers in order. */

#include "devices/input.h"

#include "threads/interrupt.h"
#include "threads/synch.h"

#define INPUT_SIZE 256

static uint8_t buf[INPUT_SIZE];
/* HEAD is written by the interrupt handler only, TAIL by the one reader
   holding READERS only; each reads the other's atomically. */
static unsigned head, tail;
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
  if (head - __atomic_load_n(&tail, __ATOMIC_ACQUIRE) >= INPUT_SIZE)
    return;
  buf[head % INPUT_SIZE] = c;
  __atomic_store_n(&head, head + 1, __ATOMIC_RELEASE);
  sema_up(&avail);
}

uint8_t
input_getc(void)
{
  lock_acquire(&readers);
  sema_down(&avail);
  uint8_t c = buf[tail % INPUT_SIZE];
  __atomic_store_n(&tail, tail + 1, __ATOMIC_RELEASE);
  lock_release(&readers);
  return c;
}
