/* SPDX-License-Identifier: MIT */
/* Fault-tolerant copies to and from user memory.
 *
 * The callers (userprog/uaccess.c) have already checked that the user range
 * lies below KERN_BASE, so every fault here is on a user page.  The page
 * fault handler first lets the VM resolve it (lazy load, swap-in, stack
 * growth); only if that fails does it resume at uaccess_fault, which makes
 * the interrupted routine return -1.  These are leaf functions that push
 * nothing, so uaccess_fault can return straight to their caller. */

        .text
        .globl uaccess_begin, uaccess_end, uaccess_fault

uaccess_begin:

/* long uaccess_copy (void *dst, const void *src, size_t n): 0 or -1. */
        .globl uaccess_copy
uaccess_copy:
        mov %rdx, %rcx
        rep movsb
        xor %eax, %eax
        ret

/* long uaccess_strcpy (char *dst, const char *src, size_t max):
   length of the string copied (NUL written), MAX if no NUL came within
   MAX bytes, or -1 on an unresolvable fault. */
        .globl uaccess_strcpy
uaccess_strcpy:
        xor %eax, %eax
1:      cmp %rdx, %rax
        jae 3f
        movzbl (%rsi,%rax), %ecx
        movb %cl, (%rdi,%rax)
        test %cl, %cl
        jz 2f
        inc %rax
        jmp 1b
2:      ret
3:      ret

uaccess_fault:
        mov $-1, %rax
        ret
uaccess_end:
