/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_INTR_FRAME_H
#define ARCH_X86_64_INTR_FRAME_H

/* Registers saved on the kernel stack by intr-stubs.S (and built by hand
   for the first entry to user mode).  Lowest address first. */

#include <stdint.h>

struct gp_registers {
  uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
  uint64_t rsi, rdi, rbp, rdx, rcx, rbx, rax;
};

struct intr_frame {
  struct gp_registers r; /* Pushed by the common stub. */
  uint64_t vec_no;       /* Pushed by the vector's stub. */
  uint64_t error_code;   /* By the CPU, or 0 from the stub. */
  uint64_t rip;          /* Pushed by the CPU. */
  uint64_t cs;
  uint64_t rflags;
  uint64_t rsp;
  uint64_t ss;
};

/* Restore F's registers and iretq; never returns. */
void do_iret(const struct intr_frame *f) __attribute__((noreturn));

#endif
