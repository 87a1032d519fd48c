/* SPDX-License-Identifier: MIT */
#ifndef LIB_KERNEL_CONSOLE_H
#define LIB_KERNEL_CONSOLE_H

/* The console (COM1 + VGA mirror) and the kernel log (COM2).
   printf/puts/putchar write the console; klog_printf writes the log.
   Each call's output is one atomic unit on its channel. */

#include <stdarg.h>
#include <stddef.h>

#include <debug.h>

/* Where console and log characters go (one character each call, with
   interrupts off or the console lock held).  Called once, first thing in
   kmain; output before it is dropped. */
typedef void console_putc_func(char c);
void console_init(console_putc_func *console, console_putc_func *log);
/* Switch the console from "interrupts off" to a sleeping lock. */
void console_init_lock(void);
/* Called by the panic path: ignore the lock from now on. */
void console_panic(void);
/* Write BUF[0..N) to the console atomically.  BUF must be kernel memory. */
void putbuf(const char *buf, size_t n);

void klog_printf(const char *fmt, ...) PRINTF_FORMAT(1, 2);
void klog_vprintf(const char *fmt, va_list);

/* Debug channels: `dbg(VM, "...")' compiles to nothing unless the build
   sets DBG_VM=1 (make DEBUG="VM SWAP"). */
#ifndef DBG_VM
#define DBG_VM 0
#endif
#ifndef DBG_SWAP
#define DBG_SWAP 0
#endif
#ifndef DBG_SCHED
#define DBG_SCHED 0
#endif
#ifndef DBG_PROC
#define DBG_PROC 0
#endif
#ifndef DBG_FS
#define DBG_FS 0
#endif
#ifndef DBG_DISK
#define DBG_DISK 0
#endif
#define dbg(chan, ...)                                                         \
  do {                                                                         \
    if (DBG_##chan)                                                            \
      klog_printf("[" #chan "] " __VA_ARGS__);                                 \
  } while (0)

#endif
