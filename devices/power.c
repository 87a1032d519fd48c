/* SPDX-License-Identifier: MIT */
/* Power-off.  QEMU's `pc' machine powers off on a 16-bit write of 0x2000 to
 * port 0x604 (its ACPI PM1a control block), exiting 0.  For failures the
 * launcher adds an isa-debug-exit device at port 0xf4: writing V there exits
 * QEMU with status 2V+1.  On anything else we halt forever. */

#include "devices/power.h"

#include "arch/x86_64/cpu.h"
#include "devices/trace.h"

#define QEMU_POWER_PORT 0x604
#define QEMU_DEBUG_EXIT_PORT 0xf4

static void __attribute__((noreturn)) halt_forever(void)
{
  for (;;) {
    asm volatile("cli");
    cpu_halt();
  }
}

void
power_off(void)
{
  trace_flush();
  outw(QEMU_POWER_PORT, 0x2000);
  halt_forever();
}

void
power_fail(void)
{
  trace_flush();
  outb(QEMU_DEBUG_EXIT_PORT, 1);
  outw(QEMU_POWER_PORT, 0x2000);
  halt_forever();
}
