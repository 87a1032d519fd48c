/* SPDX-License-Identifier: MIT */
/* The kfs test driver: name table, message helpers, sector patterns.
 *
 * Sector patterns are the tests' oracle.  Each 64-bit word of a sector is
 * a hash of (seed, sector, word index), so a sector that was never
 * written, written to the wrong place, written with another round's seed
 * or torn half-way through a transfer fails the check. */

#include "tests/kfs/kfs-tests.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "devices/timer.h"
#include "tests/kthreads/ktest.h"
#include "threads/thread.h"

static const struct ktest kfs_tests[] = {
    {"kfs-roles", kfs_roles},
    {"kfs-roles-noswap", kfs_roles},
    {"kfs-raw-pattern", kfs_raw_pattern},
    {"kfs-raw-concurrent", kfs_raw_concurrent},
    {"kfs-raw-errors", kfs_raw_errors},
    {"kfs-bench", kfs_bench},
    {"kfs-fs-concurrent", kfs_fs_concurrent},
    {"kfs-fs-remove-open", kfs_fs_remove_open},
    {"kfs-fs-remount", kfs_fs_remount},
    {"kfs-persist-write", kfs_persist_write},
    {"kfs-persist-check", kfs_persist_check},
    {"kfs-mount-state", kfs_mount_state},
};

/* See kfs-tests.h. */
bool
kfs_test_run(const char *name)
{
  return ktest_run_from(kfs_tests, sizeof kfs_tests / sizeof kfs_tests[0],
                        name);
}

/* See kfs-tests.h. */
struct block *
kfs_need_disk(enum block_type role, const char *what)
{
  struct block *b = block_get_role(role);
  if (b == NULL)
    ktest_fail("no %s disk", what);
  return b;
}

/* A 64-bit mixing function (splitmix64's finaliser). */
static uint64_t
mix(uint64_t x)
{
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

#define SECTOR_WORDS (BLOCK_SECTOR_SIZE / sizeof(uint64_t))

static uint64_t
pattern_word(uint64_t seed, block_sector_t sector, size_t i)
{
  return mix(seed * 0x9e3779b97f4a7c15ull ^ ((uint64_t)sector << 9 | i));
}

/* See kfs-tests.h.  BUF may be unaligned. */
void
kfs_pattern_fill(void *buf, uint64_t seed, block_sector_t sector)
{
  for (size_t i = 0; i < SECTOR_WORDS; i++) {
    uint64_t w = pattern_word(seed, sector, i);
    memcpy((uint8_t *)buf + i * sizeof w, &w, sizeof w);
  }
}

/* See kfs-tests.h. */
bool
kfs_pattern_check(const void *buf, uint64_t seed, block_sector_t sector)
{
  for (size_t i = 0; i < SECTOR_WORDS; i++) {
    uint64_t w;
    memcpy(&w, (const uint8_t *)buf + i * sizeof w, sizeof w);
    if (w != pattern_word(seed, sector, i))
      return false;
  }
  return true;
}

/* See kfs-tests.h. */
void
kfs_shuffle(uint32_t *a, size_t n, uint64_t *state)
{
  for (size_t i = n; i > 1; i--) {
    size_t j = ktest_random(state) % i;
    uint32_t t = a[i - 1];
    a[i - 1] = a[j];
    a[j] = t;
  }
}

/* See kfs-tests.h.  Rate in MB/s (10^6 bytes) with one decimal. */
void
kfs_rate(char *buf, size_t size, uint64_t bytes, int64_t ticks)
{
  if (ticks <= 0)
    ticks = 1;
  uint64_t tenths = bytes * 10 * TIMER_FREQ / 1000000 / (uint64_t)ticks;
  snprintf(buf, size, "%llu.%llu", (unsigned long long)(tenths / 10),
           (unsigned long long)(tenths % 10));
}
