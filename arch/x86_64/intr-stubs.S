/* SPDX-License-Identifier: MIT */
/* One entry stub per vector.  Each pushes a zero error code where the CPU
   does not, then its vector number, and joins intr_common, which saves the
   general registers as a struct intr_frame and calls intr_handler(frame).
   An entry from user mode (ring 3 in the saved CS) swaps GS to the
   kernel's per-CPU base first, and an exit to user mode swaps it back
   (arch/x86_64/percpu.h). */

#include "arch/x86_64/gpr-save.S.inc"

        .text
        .globl intr_common
intr_common:
        testb $3, 24(%rsp)      /* saved cs, above vector and error code */
        jz 1f
        swapgs
1:      PUSH_GPRS
        cld
        mov %rsp, %rdi
        xor %ebp, %ebp          /* backtraces stop at the trap */
        call intr_handler
        mov %rsp, %rdi
        /* fall through */

/* void do_iret (const struct intr_frame *f) */
        .globl do_iret
do_iret:
        mov %rdi, %rsp
        POP_GPRS
        add $16, %rsp           /* vector number and error code */
        testb $3, 8(%rsp)       /* cs: returning to user mode? */
        jz 1f
        swapgs
1:      iretq

.altmacro
.macro STUB vec
intr_stub_\vec:
        .if \vec == 8 || (\vec >= 10 && \vec <= 14) || \vec == 17 || \vec == 21 || \vec == 29 || \vec == 30
        .else
        push $0
        .endif
        push $\vec
        jmp intr_common
.endm

.macro STUB_ADDR vec
        .quad intr_stub_\vec
.endm

        .set i, 0
        .rept 256
        STUB %i
        .set i, i + 1
        .endr

        .section .rodata
        .globl intr_stubs
        .align 8
intr_stubs:
        .set i, 0
        .rept 256
        STUB_ADDR %i
        .set i, i + 1
        .endr
