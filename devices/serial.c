/* SPDX-License-Identifier: MIT */
/* Polled serial output on COM1 (console) and COM2 (log); interrupt-driven
 * input on COM1.  Output polls the transmit-holding-empty bit: QEMU drains
 * it at once, and polling keeps panics and early boot simple. */

#include "devices/serial.h"

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/intr-frame.h"
#include "devices/input.h"
#include "threads/interrupt.h"

#define REG_DATA 0
#define REG_IER 1
#define REG_FCR 2
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5
#define LSR_DR 0x01   /* Data ready. */
#define LSR_THRE 0x20 /* Transmit holding register empty. */

static void
init_port(int port)
{
  outb(port + REG_IER, 0);
  outb(port + REG_LCR, 0x80); /* Divisor latch access. */
  outb(port + 0, 1);          /* 115200 baud. */
  outb(port + 1, 0);
  outb(port + REG_LCR, 0x03); /* 8N1. */
  outb(port + REG_FCR, 0x07); /* FIFOs on and cleared. */
  outb(port + REG_MCR, 0x0b); /* DTR, RTS, OUT2 (IRQ gate). */
}

void
serial_init(void)
{
  init_port(SERIAL_CONSOLE);
  init_port(SERIAL_LOG);
}

void
serial_putc(int port, char c)
{
  for (int i = 0; i < 100000 && !(inb(port + REG_LSR) & LSR_THRE); i++)
    continue;
  outb(port + REG_DATA, c);
}

static void
serial_interrupt(struct intr_frame *f)
{
  while (inb(SERIAL_CONSOLE + REG_LSR) & LSR_DR)
    input_putc(inb(SERIAL_CONSOLE + REG_DATA));
}

void
serial_init_irq(void)
{
  intr_register_ext(0x24, serial_interrupt, "serial");
  outb(SERIAL_CONSOLE + REG_IER, 0x01); /* Received-data interrupt. */
}
