# devices: drivers for the PC hardware QEMU provides.
KERNEL_SRCS += devices/serial.c   # COM1 console, COM2 log, COM1 input IRQ
KERNEL_SRCS += devices/vga.c      # text screen mirror of the console
KERNEL_SRCS += devices/input.c    # console input buffer
KERNEL_SRCS += devices/timer.c    # 8254 PIT, timer_sleep
KERNEL_SRCS += devices/power.c    # power-off and failure exit
KERNEL_SRCS += devices/block.c    # block layer: named disks, roles, counters
KERNEL_SRCS += devices/ide.c      # ATA disks on the PIIX IDE channels, PIO and DMA
KERNEL_SRCS += devices/trace.c    # VM trace points and call-flow windows, out on port 0xe9
