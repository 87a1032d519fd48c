/* SPDX-License-Identifier: MIT */
#ifndef TESTS_USERPROG_REGS_H
#define TESTS_USERPROG_REGS_H

/* Register-preservation probes shared by the regs-* tests.  regs_syscall
   and regs_int42 load every general register from IN (rax from IN->rax),
   trap with `syscall' or `int $0x42', and store every register as it came
   back into OUT, plus rsp before (in IN->rsp) and after (OUT->rsp).  They
   are written in assembly because compiled code would use the registers
   under test. */

#include <stdint.h>
#include "tests/lib.h"

struct regs {
  uint64_t rbx, rbp, r12, r13, r14, r15; /*  0 .. 40 */
  uint64_t rdi, rsi, rdx, r10, r8, r9;   /* 48 .. 88 */
  uint64_t rax, rsp, rcx, r11;           /* 96 .. 120 */
};

void regs_syscall(struct regs *in, struct regs *out);
void regs_int42(struct regs *in, struct regs *out);

#define REGS_PROBE(NAME, TRAP)                                                 \
  asm(".globl " NAME "\n" NAME ":\n"                                           \
      "  push %rbp\n  push %rbx\n  push %r12\n  push %r13\n"                   \
      "  push %r14\n  push %r15\n  push %rsi\n"                                \
      "  mov %rsp, 104(%rdi)\n"                                                \
      "  mov 96(%rdi), %rax\n  mov 112(%rdi), %rcx\n"                          \
      "  mov 120(%rdi), %r11\n"                                                \
      "  mov 0(%rdi), %rbx\n  mov 8(%rdi), %rbp\n"                             \
      "  mov 16(%rdi), %r12\n  mov 24(%rdi), %r13\n"                           \
      "  mov 32(%rdi), %r14\n  mov 40(%rdi), %r15\n"                           \
      "  mov 56(%rdi), %rsi\n  mov 64(%rdi), %rdx\n"                           \
      "  mov 72(%rdi), %r10\n  mov 80(%rdi), %r8\n"                            \
      "  mov 88(%rdi), %r9\n  mov 48(%rdi), %rdi\n"                            \
      "  " TRAP "\n"                                                           \
      "  push %rcx\n  mov 8(%rsp), %rcx\n  popq 112(%rcx)\n"                   \
      "  mov %r11, 120(%rcx)\n"                                                \
      "  mov %rbx, 0(%rcx)\n  mov %rbp, 8(%rcx)\n"                             \
      "  mov %r12, 16(%rcx)\n  mov %r13, 24(%rcx)\n"                           \
      "  mov %r14, 32(%rcx)\n  mov %r15, 40(%rcx)\n"                           \
      "  mov %rdi, 48(%rcx)\n  mov %rsi, 56(%rcx)\n"                           \
      "  mov %rdx, 64(%rcx)\n  mov %r10, 72(%rcx)\n"                           \
      "  mov %r8, 80(%rcx)\n  mov %r9, 88(%rcx)\n"                             \
      "  mov %rax, 96(%rcx)\n  mov %rsp, 104(%rcx)\n"                          \
      "  pop %rsi\n  pop %r15\n  pop %r14\n  pop %r13\n"                       \
      "  pop %r12\n  pop %rbx\n  pop %rbp\n  ret\n")

/* Fills IN with distinct values in every register that carries no
   argument, and NR, A1..A3 in rax, rdi, rsi, rdx. */
static inline void
regs_prepare(struct regs *in, uint64_t nr, uint64_t a1, uint64_t a2,
             uint64_t a3)
{
  in->rbx = 0x1111111111111111;
  in->rbp = 0x2222222222222222;
  in->r12 = 0x3333333333333333;
  in->r13 = 0x4444444444444444;
  in->r14 = 0x5555555555555555;
  in->r15 = 0x6666666666666666;
  in->r10 = 0x7777777777777777;
  in->r8 = 0x8888888888888888;
  in->r9 = 0x9999999999999999;
  in->rcx = 0xaaaaaaaaaaaaaaaa;
  in->r11 = 0xbbbbbbbbbbbbbbbb;
  in->rax = nr;
  in->rdi = a1;
  in->rsi = a2;
  in->rdx = a3;
}

/* Number of registers (rsp included) that differ between IN and OUT;
   rcx and r11 count only when WITH_RCX_R11. */
static inline int
regs_changed(const struct regs *in, const struct regs *out, bool with_rcx_r11)
{
  const uint64_t *a = (const uint64_t *)in, *b = (const uint64_t *)out;
  int changed = 0, i;

  for (i = 0; i < 12; i++)
    changed += a[i] != b[i];
  changed += in->rsp != out->rsp;
  if (with_rcx_r11)
    changed += (in->rcx != out->rcx) + (in->r11 != out->r11);
  return changed;
}

#endif /* TESTS_USERPROG_REGS_H */
