# arch/x86_64: everything that touches the CPU directly.
KERNEL_SRCS += arch/x86_64/boot/start.S   # Multiboot entry, long-mode switch
KERNEL_SRCS += arch/x86_64/gdt.c          # GDT and TSS
KERNEL_SRCS += arch/x86_64/idt.c          # IDT; the 8259 PICs masked
KERNEL_SRCS += arch/x86_64/acpi.c         # ACPI MADT: CPUs, I/O APIC, IRQ overrides
KERNEL_SRCS += arch/x86_64/apic.c         # local APICs and I/O APIC: routing, EOI, IPIs, timer
KERNEL_SRCS += arch/x86_64/smp.c          # per-CPU blocks, starting the other CPUs
KERNEL_SRCS += arch/x86_64/ap-boot.S      # real-mode -> long-mode trampoline of the other CPUs
KERNEL_SRCS += arch/x86_64/intr-stubs.S   # per-vector entry stubs, intr_exit
KERNEL_SRCS += arch/x86_64/switch.S       # thread context switch
KERNEL_SRCS += arch/x86_64/mmu.c          # page tables
KERNEL_SRCS += arch/x86_64/tlb.c          # TLB shootdown between CPUs
KERNEL_SRCS += arch/x86_64/syscall-entry.S # syscall entry, sysretq/iretq exit
KERNEL_SRCS += arch/x86_64/syscall-init.c  # STAR/LSTAR/SFMASK set-up
KERNEL_SRCS += arch/x86_64/uaccess.S       # fault-tolerant user copies
