/* SPDX-License-Identifier: MIT */
/* The first code of an application processor.
 *
 * A start-up IPI wakes an AP in 16-bit real mode at CS:IP = VV00:0000,
 * where VV is the IPI's vector, so this trampoline is copied to the
 * page AP_TRAMPOLINE_PA (below 1 MiB) before each start and runs there,
 * position-dependent: T(x) is label x's address in that copy.  It
 * climbs the same ladder as start.S: protected mode with a GDT of its
 * own, PAE, the boot page tables (still in .bss: they map the first GiB
 * at 0 too, so the next instruction after paging is on is still mapped),
 * long mode, then a jump into the kernel's higher half, ap_entry64,
 * which switches to the kernel's own page table and the AP's stack and
 * calls ap_main.  smp.c fills ap_boot_* before each start and waits for
 * the AP to say it runs before it starts the next, so one copy and one
 * set of variables do for all. */

#include "arch/x86_64/smp.h"

#define KERNEL_VMA 0xffffffff80000000
#define PHYS(x) ((x) - KERNEL_VMA)
#include "arch/x86_64/long-mode.S.inc"
#define T(x) (AP_TRAMPOLINE_PA + (x) - ap_trampoline)

        .section .rodata
        .globl ap_trampoline, ap_trampoline_end
        .code16
ap_trampoline:
        cli
        cld
        xor %ax, %ax
        mov %ax, %ds
        lgdtl T(tramp_gdt_desc)
        mov %cr0, %eax
        or $1, %eax                 /* PE */
        mov %eax, %cr0
        ljmpl $0x08, $T(tramp32)

        .code32
tramp32:
        mov $0x10, %ax
        mov %ax, %ds
        mov %ax, %es
        mov %ax, %ss
        ENTER_LONG_MODE
        ljmp $0x18, $T(tramp64)

        .code64
tramp64:
        movabs $ap_entry64, %rax
        jmp *%rax

        .align 8
tramp_gdt:
        .quad 0
        .quad 0x00cf9a000000ffff    /* 0x08: 32-bit code */
        .quad 0x00cf92000000ffff    /* 0x10: data */
        .quad 0x00af9a000000ffff    /* 0x18: 64-bit code */
tramp_gdt_desc:
        .word tramp_gdt_desc - tramp_gdt - 1
        .long T(tramp_gdt)
ap_trampoline_end:

        .text
ap_entry64:
        mov $0x10, %ax
        mov %ax, %ds
        mov %ax, %es
        mov %ax, %ss
        xor %ax, %ax
        mov %ax, %fs
        mov %ax, %gs
        mov ap_boot_cr3(%rip), %rax
        mov %rax, %cr3
        mov ap_boot_rsp(%rip), %rsp
        mov ap_boot_cpu(%rip), %rdi
        xor %ebp, %ebp
        call ap_main
1:      cli
        hlt
        jmp 1b
