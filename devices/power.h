/* SPDX-License-Identifier: MIT */
#ifndef DEVICES_POWER_H
#define DEVICES_POWER_H

/* Stop the machine.  power_off is the clean path (QEMU exits 0);
   power_fail ends QEMU with a non-zero status after a panic. */
void power_off(void) __attribute__((noreturn));
void power_fail(void) __attribute__((noreturn));

#endif
