/* SPDX-License-Identifier: MIT */
#ifndef DEVICES_SERIAL_H
#define DEVICES_SERIAL_H

/* 16550 UARTs: COM1 is the console, COM2 the kernel log. */

#define SERIAL_CONSOLE 0x3f8
#define SERIAL_LOG 0x2f8

void serial_init(void);
/* Turn on COM1 receive interrupts, feeding devices/input.c. */
void serial_init_irq(void);
void serial_putc(int port, char c);

#endif
