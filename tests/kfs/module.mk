# SPDX-License-Identifier: MIT
# tests/kfs: in-kernel disk and file-system tests, compiled into the
# kernel; run with `run NAME' (manifest: tests/kfs/TESTS, expected lines:
# NAME.out).  The kernel's `run' action calls kfs_test_run().
KERNEL_SRCS += tests/kfs/kfs-tests.c   # driver: name table, msg/fail, sector patterns
KERNEL_SRCS += tests/kfs/raw.c         # roles, pattern round trips, concurrency, errors
KERNEL_SRCS += tests/kfs/bench.c       # 4 MB sequential PIO vs DMA (rates to the log)
KERNEL_SRCS += tests/kfs/fs.c          # file system on the real driver: threads, remove-open, remount, persistence
KERNEL_SRCS += tests/kfs/mount.c       # mount state on a prepared (damaged) image: kfs-mount-state
