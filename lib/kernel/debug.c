/* SPDX-License-Identifier: MIT */
/* Kernel panics and backtraces.
 *
 * A panic prints where it happened and a frame-pointer call stack on both
 * the console and the log, then ends the machine through QEMU's debug-exit
 * port (so the launcher sees a non-zero exit) or halts on real hardware.
 * A panic inside a panic skips straight to the halt. */

#include <debug.h>
#include <stdint.h>
#include <stdio.h>

#include "arch/x86_64/cpu.h"
#include "devices/power.h"
#include "lib/kernel/console.h"
#include "mm/vaddr.h"
#include "threads/interrupt.h"

/* Frames whose rbp leaves the kernel half end the walk. */
static bool
plausible_frame(const uint64_t *rbp)
{
  return (uintptr_t)rbp >= DMAP_BASE && ((uintptr_t)rbp & 7) == 0;
}

static void
print_backtrace(void (*out)(const char *, ...))
{
  const uint64_t *rbp = __builtin_frame_address(0);
  out("Call stack:");
  for (int depth = 0; depth < 32 && plausible_frame(rbp); depth++) {
    uint64_t ret = rbp[1];
    if (ret < KERNEL_VMA)
      break;
    out(" %#llx", (unsigned long long)ret);
    rbp = (const uint64_t *)rbp[0];
  }
  out(".\n");
}

static void
console_out(const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  vprintf(fmt, args);
  va_end(args);
}

static void
log_out(const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  klog_vprintf(fmt, args);
  va_end(args);
}

/* Print the call stack of the caller to the console. */
void
debug_backtrace(void)
{
  print_backtrace(console_out);
}

void
debug_panic(const char *file, int line, const char *function,
            const char *message, ...)
{
  static int level;
  intr_disable();
  console_panic();
  if (++level == 1) {
    va_list args;
    printf("Kernel PANIC at %s:%d in %s(): ", file, line, function);
    va_start(args, message);
    vprintf(message, args);
    va_end(args);
    printf("\n");
    print_backtrace(console_out);
    klog_printf("Kernel PANIC at %s:%d in %s(): ", file, line, function);
    va_start(args, message);
    klog_vprintf(message, args);
    va_end(args);
    klog_printf("\n");
    print_backtrace(log_out);
  }
  power_fail();
}
