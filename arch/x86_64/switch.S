/* SPDX-License-Identifier: MIT */
/* struct thread *switch_threads (struct thread *cur, struct thread *next)

   Save the callee-saved registers on CUR's stack, record the stack pointer
   in cur->ctx_rsp, load next->ctx_rsp and restore NEXT's registers.  The
   saved context, lowest address first: r15 r14 r13 r12 rbx rbp rip.
   Returns CUR (in NEXT's context), so the new thread knows who ran before. */

#define CTX_RSP 32  /* offsetof (struct thread, ctx_rsp), checked in thread.c */

        .text
        .globl switch_threads
switch_threads:
        push %rbp
        push %rbx
        push %r12
        push %r13
        push %r14
        push %r15
        mov %rsp, CTX_RSP(%rdi)
        mov CTX_RSP(%rsi), %rsp
        pop %r15
        pop %r14
        pop %r13
        pop %r12
        pop %rbx
        pop %rbp
        mov %rdi, %rax
        ret

/* First code of every new thread: r12 = function, r13 = aux, and rax = the
   thread that switched to us.  thread_first_run releases the scheduler
   lock its predecessor took (threads/thread.c). */
        .globl thread_trampoline
thread_trampoline:
        mov %rax, %rdi
        call thread_first_run
        sti
        mov %r13, %rdi
        call *%r12
        call thread_exit
