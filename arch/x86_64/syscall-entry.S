/* SPDX-License-Identifier: MIT */
/* The `syscall' entry.
 *
 * `syscall' leaves us in ring 0 with the user's rsp still loaded, RIP in
 * rcx, RFLAGS in r11 and interrupts masked by SFMASK.  We store nothing on
 * the user stack: `swapgs' makes GS this CPU's struct cpu, the user rsp
 * goes to its scratch word (interrupts are still off, so nothing else on
 * this CPU uses it), then we switch to the thread's kernel stack and build a struct
 * intr_frame at its top, exactly where an interrupt from user mode would
 * put one.  syscall_handler() returns true when sysretq may be used (the
 * frame still returns to a canonical user address in ring 3); otherwise we
 * leave through iretq. */

#include "arch/x86_64/gdt.h"
#include "arch/x86_64/gpr-save.S.inc"
#include "arch/x86_64/percpu.h"

        .text
        .globl syscall_entry
syscall_entry:
        swapgs
        mov %rsp, %gs:CPU_USER_RSP
        mov %gs:CPU_KERNEL_RSP, %rsp
        push $SEL_UDSEG                 /* ss */
        push %gs:CPU_USER_RSP           /* rsp */
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
        swapgs
        sysretq
1:      mov %rsp, %rdi
        jmp do_iret                     /* swaps GS back itself */
