/* SPDX-License-Identifier: MIT */
/* The `syscall' entry.
 *
 * `syscall' leaves us in ring 0 with the user's rsp still loaded, RIP in
 * rcx, RFLAGS in r11 and interrupts masked by SFMASK.  We store nothing on
 * the user stack: the user rsp goes to a scratch word (one CPU, interrupts
 * off), then we switch to the thread's kernel stack and build a struct
 * intr_frame at its top, exactly where an interrupt from user mode would
 * put one.  syscall_handler() returns true when sysretq may be used (the
 * frame still returns to a canonical user address in ring 3); otherwise we
 * leave through iretq. */

#include "arch/x86_64/gdt.h"
#include "arch/x86_64/gpr-save.S.inc"

        .data
        .globl syscall_kernel_rsp
syscall_kernel_rsp: .quad 0
syscall_user_rsp:   .quad 0

        .text
        .globl syscall_entry
syscall_entry:
        mov %rsp, syscall_user_rsp(%rip)
        mov syscall_kernel_rsp(%rip), %rsp
        push $SEL_UDSEG                 /* ss */
        push syscall_user_rsp(%rip)     /* rsp */
        push %r11                       /* rflags */
        push $SEL_UCSEG                 /* cs */
        push %rcx                       /* rip */
        push $0                         /* error code */
        push $0x100                     /* "vector": not an interrupt */
        PUSH_GPRS
        mov %rsp, %rdi
        xor %ebp, %ebp
        sti
        call syscall_handler
        cli
        test %al, %al
        jz 1f
        POP_GPRS
        add $16, %rsp                   /* vector, error code */
        pop %rcx                        /* rip */
        add $8, %rsp                    /* cs */
        pop %r11                        /* rflags */
        pop %rsp                        /* user rsp */
        sysretq
1:      mov %rsp, %rdi
        jmp do_iret
