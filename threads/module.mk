# threads: boot sequence, threads, scheduling, synchronisation, interrupts.
KERNEL_SRCS += threads/init.c       # kmain, command line, power-off
KERNEL_SRCS += threads/actions.c    # command-line actions (run, ls, ...)
KERNEL_SRCS += threads/thread.c     # threads and the priority scheduler
KERNEL_SRCS += threads/synch.c      # semaphores, locks (donation), condvars
KERNEL_SRCS += threads/interrupt.c  # dispatch, interrupt level
KERNEL_SRCS += threads/spinlock.c   # spinlocks (interrupts off + a lock between CPUs)
