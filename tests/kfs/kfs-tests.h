/* SPDX-License-Identifier: MIT */
#ifndef TESTS_KFS_KFS_TESTS_H
#define TESTS_KFS_KFS_TESTS_H

/* In-kernel disk and file-system tests (suite tests/kfs).

   The kernel calls kfs_test_run(NAME) inside the `Executing'/`complete'
   framing, beside the thread tests.  Each test prints `(NAME) message'
   lines that the runner compares with tests/kfs/NAME.out; the manifest
   tests/kfs/TESTS gives each test its disks.  Tests print what they
   observed (counts of sectors that came back wrong, sizes found), so a
   broken driver changes the output.  Timings go to the kernel log only. */

#include <debug.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "devices/block.h"
#include "tests/kthreads/ktest.h"

/* Runs test NAME in the calling thread and returns true, or returns false
   if there is no such test.  May sleep. */
bool kfs_test_run(const char *name);

/* Messages, failures and random numbers come from the shared in-kernel
   test driver (tests/kthreads/ktest.h): ktest_msg, ktest_fail, ktest_random. */
#define KFS_REQUIRE(COND) KTEST_REQUIRE(COND)

/* The disk with ROLE, or a failed test naming WHAT if there is none. */
struct block *kfs_need_disk(enum block_type role, const char *what);

/* Fill BUF (one sector) with the pattern of (SEED, SECTOR): every word
   differs, so a sector read from the wrong place or a torn transfer shows
   up.  kfs_pattern_check returns true if BUF holds exactly that. */
void kfs_pattern_fill(void *buf, uint64_t seed, block_sector_t sector);
bool kfs_pattern_check(const void *buf, uint64_t seed, block_sector_t sector);

/* Shuffle A[0..N) with the sequence *STATE. */
void kfs_shuffle(uint32_t *a, size_t n, uint64_t *state);

/* Ticks since THEN, shown as a rate for BYTES: writes "12.3" into BUF. */
void kfs_rate(char *buf, size_t size, uint64_t bytes, int64_t ticks);

/* The tests. */
void kfs_roles(void);
void kfs_raw_pattern(void);
void kfs_raw_concurrent(void);
void kfs_raw_errors(void);
void kfs_bench(void);
void kfs_mount_state(void);
void kfs_fs_concurrent(void);
void kfs_fs_remove_open(void);
void kfs_fs_remount(void);
void kfs_persist_write(void);
void kfs_persist_check(void);

#endif
