/* SPDX-License-Identifier: MIT */
#ifndef TESTS_VM_MERGE_H
#define TESTS_VM_MERGE_H

/* The parent side of the merge-sort tests (page-merge-*, merge-*): random
   32-bit values are written to MERGE_CHUNKS files; one sorter process per
   file (fork, then exec of `sort-chunk MODE inK outK') sorts its chunk
   with its data in BSS, on the stack or in mappings, and writes outK; the
   parent merges the outputs, checks they come out non-decreasing and that
   the count, sum and xor equal those of the values it wrote.  Sorters run
   one at a time or all at once.  The sorter itself defines
   MERGE_SORTER_ONLY and gets just the sizes. */

#include <stdio.h>
#include "tests/vm/vm-lib.h"

#define MERGE_CHUNKS 8
#define MERGE_CHUNK_BYTES (128 * 1024)
#define MERGE_CHUNK_COUNT (MERGE_CHUNK_BYTES / sizeof(uint32_t))
#define MERGE_BUF 256 /* values buffered per input while merging */

#ifndef MERGE_SORTER_ONLY
struct merge_digest {
  uint64_t count, sum;
  uint32_t xor ;
};

/* Adds value V to digest D. */
static inline void
merge_digest_add(struct merge_digest *d, uint32_t v)
{
  d->count++;
  d->sum += v;
  d->xor ^= v;
}

/* Writes the input files and returns their digest in *D. */
static void
merge_make_inputs(struct merge_digest *d)
{
  static uint32_t block[1024];
  uint64_t state = rng_seed(31337);
  int c;

  for (c = 0; c < MERGE_CHUNKS; c++) {
    char name[16];
    size_t done, i;
    int fd;

    snprintf(name, sizeof name, "in%d", c);
    fd = create_open(name, MERGE_CHUNK_BYTES);
    for (done = 0; done < MERGE_CHUNK_COUNT; done += 1024) {
      for (i = 0; i < 1024; i++) {
        block[i] = (uint32_t)(rng_next(&state) >> 32);
        merge_digest_add(d, block[i]);
      }
      if (write(fd, block, sizeof block) != sizeof block)
        fail("write %s", name);
    }
    close(fd);
    snprintf(name, sizeof name, "out%d", c);
    if (!create(name, MERGE_CHUNK_BYTES))
      fail("create %s", name);
  }
}

/* Starts the sorter of chunk C in MODE; returns its pid. */
static pid_t
merge_start_sorter(const char *mode, int c)
{
  pid_t pid = fork_checked("sorter");

  if (pid == 0) {
    char cmd[64];

    snprintf(cmd, sizeof cmd, "sort-chunk %s in%d out%d", mode, c, c);
    exec(cmd);
    fail("exec returned");
  }
  return pid;
}

/* Runs all sorters, in sequence or all at once; returns how many
   exited 0. */
static int
merge_run_sorters(const char *mode, bool parallel)
{
  pid_t pids[MERGE_CHUNKS];
  int c, ok = 0;

  for (c = 0; c < MERGE_CHUNKS; c++) {
    pids[c] = merge_start_sorter(mode, c);
    if (!parallel)
      ok += wait(pids[c]) == 0;
  }
  if (parallel)
    for (c = 0; c < MERGE_CHUNKS; c++)
      ok += wait(pids[c]) == 0;
  return ok;
}

/* One sorted input of the merge: an fd and a buffer of its values. */
struct merge_input {
  int fd;
  uint32_t buf[MERGE_BUF];
  size_t pos, len;
};

/* Refills IN when it is used up; false once the file is exhausted. */
static bool
merge_fill(struct merge_input *in)
{
  int n;

  if (in->pos < in->len)
    return true;
  n = read(in->fd, in->buf, sizeof in->buf);
  in->pos = 0;
  in->len = n > 0 ? n / sizeof(uint32_t) : 0;
  return in->len > 0;
}

/* Merges the outputs; returns their digest and whether they came out
   in order. */
static bool
merge_outputs(struct merge_digest *d)
{
  static struct merge_input in[MERGE_CHUNKS];
  uint32_t last = 0;
  bool sorted = true;
  int c;

  for (c = 0; c < MERGE_CHUNKS; c++) {
    char name[16];

    snprintf(name, sizeof name, "out%d", c);
    in[c].fd = open_checked(name);
    in[c].pos = in[c].len = 0;
  }
  for (;;) {
    int best = -1;

    for (c = 0; c < MERGE_CHUNKS; c++)
      if (merge_fill(&in[c]) &&
          (best < 0 || in[c].buf[in[c].pos] < in[best].buf[in[best].pos]))
        best = c;
    if (best < 0)
      break;
    if (in[best].buf[in[best].pos] < last)
      sorted = false;
    last = in[best].buf[in[best].pos++];
    merge_digest_add(d, last);
  }
  return sorted;
}

/* The whole test: inputs, sorters in MODE, merge, report. */
static void
merge_test(const char *mode, bool parallel)
{
  struct merge_digest want = {0, 0, 0}, got = {0, 0, 0};
  bool sorted;

  merge_make_inputs(&want);
  msg("sorters that succeeded: %d of %d", merge_run_sorters(mode, parallel),
      MERGE_CHUNKS);
  sorted = merge_outputs(&got);
  msg("merged %llu values, in order: %s", (unsigned long long)got.count,
      yes_no(sorted));
  msg("count, sum and xor match the input: %s",
      yes_no(got.count == want.count && got.sum == want.sum &&
             got.xor == want.xor));
}

#endif /* MERGE_SORTER_ONLY */
#endif /* TESTS_VM_MERGE_H */
