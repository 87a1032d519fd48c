/* SPDX-License-Identifier: MIT */
/* Multiboot entry.  The loader (QEMU -kernel or GRUB) enters `start' in
   32-bit protected mode, paging off, with EAX = the Multiboot magic and EBX =
   the physical address of the information structure.  We build just enough
   page tables to run in the higher half, switch to long mode, and call
   kmain(magic, info_pa) on the boot stack.

   Early mapping (2 MiB pages, first GiB of RAM seen three times):
     0x0000000000000000  identity, only until kmain switches tables
     0xffff800000000000  direct map (ptov)
     0xffffffff80000000  kernel image (-mcmodel=kernel) */

#define KERNEL_VMA 0xffffffff80000000
#define PHYS(x) ((x) - KERNEL_VMA)
#include "arch/x86_64/long-mode.S.inc"

#define MB_MAGIC 0x1badb002
/* Page-align modules, want memory info, header carries load addresses
   (so the loader needs no ELF parsing: QEMU refuses 64-bit ELF). */
#define MB_FLAGS 0x00010003

        .section .multiboot, "a"
        .align 4
mb_header:
        .long MB_MAGIC
        .long MB_FLAGS
        .long -(MB_MAGIC + MB_FLAGS)
        .long mb_header            /* header_addr */
        .long _image_start_phys    /* load_addr */
        .long PHYS(_edata)         /* load_end_addr */
        .long PHYS(_end)           /* bss_end_addr */
        .long start                /* entry_addr */

        .section .boot.text, "ax"
        .code32
        .globl start
start:
        cli
        cld
        mov %eax, %edi              /* Multiboot magic -> kmain arg 1 */
        mov %ebx, %esi              /* info phys addr  -> kmain arg 2 */

        /* pml4[0] and pml4[256] -> pdpt_low; pml4[511] -> pdpt_high. */
        mov $PHYS(boot_pdpt_low), %eax
        or $3, %eax
        mov %eax, PHYS(boot_pml4)
        mov %eax, PHYS(boot_pml4) + 256 * 8
        mov $PHYS(boot_pdpt_high), %eax
        or $3, %eax
        mov %eax, PHYS(boot_pml4) + 511 * 8
        /* pdpt_low[0] and pdpt_high[510] -> pd (first GiB). */
        mov $PHYS(boot_pd), %eax
        or $3, %eax
        mov %eax, PHYS(boot_pdpt_low)
        mov %eax, PHYS(boot_pdpt_high) + 510 * 8
        /* pd[i] = i * 2 MiB, present | writable | page size. */
        xor %ecx, %ecx
1:      mov %ecx, %eax
        shl $21, %eax
        or $0x83, %eax
        mov %eax, PHYS(boot_pd)(,%ecx,8)
        inc %ecx
        cmp $512, %ecx
        jne 1b

        ENTER_LONG_MODE

        lgdt boot_gdt_desc
        ljmp $0x08, $start64

        .code64
start64:
        movabs $higher_half, %rax
        jmp *%rax

        .section .boot.data, "a"
        .align 16
boot_gdt:
        .quad 0
        .quad 0x00af9a000000ffff    /* 64-bit code */
        .quad 0x00cf92000000ffff    /* data */
boot_gdt_desc:
        .word boot_gdt_desc - boot_gdt - 1
        .long boot_gdt

        .text
higher_half:
        mov $0x10, %ax
        mov %ax, %ds
        mov %ax, %es
        mov %ax, %ss
        xor %ax, %ax
        mov %ax, %fs
        mov %ax, %gs
        movabs $boot_stack_top, %rsp
        xor %ebp, %ebp
        call kmain
2:      hlt
        jmp 2b

        .bss
        .align 4096
        .globl boot_pml4
boot_pml4:      .space 4096
boot_pdpt_low:  .space 4096
boot_pdpt_high: .space 4096
boot_pd:        .space 4096
        /* The main thread's stack; mmu_init leaves the page below it
           unmapped as its guard. */
        .globl boot_stack_guard, boot_stack, boot_stack_top
boot_stack_guard: .space 4096
boot_stack:     .space 4096 * 4
boot_stack_top:
