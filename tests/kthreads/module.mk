# SPDX-License-Identifier: MIT
# tests/kthreads: in-kernel tests, compiled into the kernel; run with
# `run NAME' (manifest: tests/kthreads/TESTS, expected lines: NAME.out).
KERNEL_SRCS += tests/kthreads/ktest.c                     # driver: test table, ktest_msg/ktest_fail, log, rng
KERNEL_SRCS += tests/kthreads/alarm-single.c              # one sleeper, many durations
KERNEL_SRCS += tests/kthreads/alarm-multiple.c            # periodic sleepers, deadline order
KERNEL_SRCS += tests/kthreads/alarm-simultaneous.c        # same deadline, same tick
KERNEL_SRCS += tests/kthreads/alarm-priority.c            # same deadline, priority order
KERNEL_SRCS += tests/kthreads/alarm-instant.c             # alarm-zero, alarm-negative
KERNEL_SRCS += tests/kthreads/alarm-no-busy-wait.c        # sleeping gives up the CPU
KERNEL_SRCS += tests/kthreads/priority-change.c           # thread_set_priority acts at once
KERNEL_SRCS += tests/kthreads/priority-fifo.c             # equal priorities take turns FIFO
KERNEL_SRCS += tests/kthreads/priority-preempt.c          # higher priority runs at once
KERNEL_SRCS += tests/kthreads/priority-roundrobin.c       # time slices without yields
KERNEL_SRCS += tests/kthreads/priority-sema.c             # sema_up wakes the highest
KERNEL_SRCS += tests/kthreads/priority-condvar.c          # cond_signal wakes the highest
KERNEL_SRCS += tests/kthreads/priority-donate-one.c       # donation beats inversion
KERNEL_SRCS += tests/kthreads/priority-donate-multiple.c  # several locks, several donors
KERNEL_SRCS += tests/kthreads/priority-donate-multiple2.c # remaining donation exact
KERNEL_SRCS += tests/kthreads/priority-donate-nest.c      # donation via a blocked holder
KERNEL_SRCS += tests/kthreads/priority-donate-chain.c     # seven-link chain, bystanders
KERNEL_SRCS += tests/kthreads/priority-donate-sema.c      # holder blocked on a semaphore
KERNEL_SRCS += tests/kthreads/priority-donate-lower.c     # base changes under donation
KERNEL_SRCS += tests/kthreads/priority-donate-ready.c     # donation re-queues a ready holder
KERNEL_SRCS += tests/kthreads/priority-sema-up-yield.c    # sema_up yields only upward
KERNEL_SRCS += tests/kthreads/palloc-stress.c             # page pools: patterns, exhaustion
KERNEL_SRCS += tests/kthreads/malloc-stress.c             # heap: patterns, realloc, threads
KERNEL_SRCS += tests/kthreads/thread-many.c               # 100 live threads, no leaks
KERNEL_SRCS += tests/kthreads/panic-deliberate.c          # PANIC and its backtrace
KERNEL_SRCS += tests/kthreads/stack-overflow.c            # guard page catches overflow
KERNEL_SRCS += tests/kthreads/spinlock.c                  # spinlock-count, spinlock-order
KERNEL_SRCS += tests/kthreads/mlfqs.c                     # 4.4BSD scheduler (-mlfqs): recent_cpu, load, nice
