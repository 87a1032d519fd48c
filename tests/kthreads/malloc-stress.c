/* SPDX-License-Identifier: MIT */

/* malloc-stress: the kernel heap under a random workload from several
   threads at once.

   Each worker keeps a table of blocks and, step after step, picks a slot:
   an empty slot gets malloc or calloc of 1..20000 bytes (calloc'd blocks
   must read as zeros); a full one is either freed or resized with
   realloc.  Every block carries a byte pattern derived from its own seed,
   checked before free and, for the surviving prefix, after realloc, so
   overlapping blocks, blocks handed out twice and bad copies all show.
   Blocks must be 16-byte aligned.  The workers run at the same priority,
   so time slices interleave them inside the allocator.

   Two identical runs follow each other; both must end with the same heap
   bytes in use and the same number of free kernel pages.  Comparing runs
   rather than the start tolerates what the kernel legitimately keeps
   (an exited thread not yet reaped, pages cached by the heap) but catches
   anything lost per run.
   Finally impossible requests (a terabyte, a calloc whose size
   overflows) must return NULL, and a struct page (one per user page the
   VM holds) must get a block of exactly its size: the heap has a size
   class for it. */

#include <stdint.h>

#include "devices/timer.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"
#include "vm/vm.h"

#define MS_WORKERS 3
#define MS_SLOTS 40
#define MS_STEPS 6000

struct ms_block {
  uint8_t *p; /* NULL when the slot is empty. */
  size_t size;
  uint8_t seed;
};

struct ms_worker {
  uint64_t rng;
  struct semaphore *done;
  struct ms_block blocks[MS_SLOTS];
};

static uint8_t
ms_byte(uint8_t seed, size_t i)
{
  return (uint8_t)(seed + i * 151 + (i >> 8));
}

static void
ms_fill(struct ms_block *b, size_t from)
{
  for (size_t i = from; i < b->size; i++)
    b->p[i] = ms_byte(b->seed, i);
}

static void
ms_verify(const struct ms_block *b, size_t len, const char *when)
{
  for (size_t i = 0; i < len; i++)
    if (b->p[i] != ms_byte(b->seed, i))
      ktest_fail("%zu-byte block %p changed at byte %zu (%s)", b->size, b->p, i,
                 when);
}

static size_t
ms_pick_size(uint64_t *rng)
{
  uint64_t kind = ktest_random(rng) % 10;
  if (kind < 5)
    return ktest_random_range(rng, 1, 256);
  if (kind < 8)
    return ktest_random_range(rng, 257, 4096);
  return ktest_random_range(rng, 4097, 20000);
}

static void
ms_check_new(const struct ms_block *b)
{
  if (b->p == NULL)
    ktest_fail("allocation of %zu bytes failed", b->size);
  if ((uintptr_t)b->p % 16 != 0)
    ktest_fail("block %p of %zu bytes is not 16-byte aligned", b->p, b->size);
}

static void
ms_allocate(struct ms_block *b, uint64_t *rng)
{
  b->size = ms_pick_size(rng);
  b->seed = (uint8_t)ktest_random(rng);
  if (ktest_random(rng) % 4 == 0) {
    b->p = calloc(1, b->size);
    ms_check_new(b);
    for (size_t i = 0; i < b->size; i++)
      if (b->p[i] != 0)
        ktest_fail("calloc'd block %p has byte %zu non-zero", b->p, i);
  } else {
    b->p = malloc(b->size);
    ms_check_new(b);
  }
  ms_fill(b, 0);
}

static void
ms_resize(struct ms_block *b, uint64_t *rng)
{
  size_t old = b->size;
  ms_verify(b, old, "before realloc");
  b->size = ms_pick_size(rng);
  b->p = realloc(b->p, b->size);
  ms_check_new(b);
  ms_verify(b, old < b->size ? old : b->size, "after realloc");
  ms_fill(b, old);
}

static void
ms_worker_run(void *aux)
{
  struct ms_worker *w = aux;

  for (int step = 0; step < MS_STEPS; step++) {
    struct ms_block *b = &w->blocks[ktest_random(&w->rng) % MS_SLOTS];
    if (b->p == NULL)
      ms_allocate(b, &w->rng);
    else if (ktest_random(&w->rng) % 5 < 3) {
      ms_verify(b, b->size, "before free");
      free(b->p);
      b->p = NULL;
    } else
      ms_resize(b, &w->rng);
  }
  for (int i = 0; i < MS_SLOTS; i++) {
    ms_verify(&w->blocks[i], w->blocks[i].p ? w->blocks[i].size : 0, "end");
    free(w->blocks[i].p);
  }
  sema_up(w->done);
}

/* Runs the workers to completion; returns the free kernel pages after. */
static size_t
ms_run_workers(void)
{
  static struct ms_worker workers[MS_WORKERS];
  struct semaphore done;

  sema_init(&done, 0);
  for (int i = 0; i < MS_WORKERS; i++) {
    workers[i] =
        (struct ms_worker){.rng = 0x1234567ull * (i + 1), .done = &done};
    ktest_spawn("heap-worker", PRI_DEFAULT, ms_worker_run, &workers[i]);
  }
  for (int i = 0; i < MS_WORKERS; i++)
    sema_down(&done);
  /* Let the last workers finish exiting (on any CPU), then free their
     stacks and records, so the census does not depend on timing. */
  for (int i = 0; i < 100 && thread_exiting_count() > 0; i++)
    timer_sleep(1);
  thread_reap();
  return palloc_free_count(0);
}

/* Entry point of malloc-stress (see the note at the top). */
void
ktest_malloc_stress(void)
{
  size_t pages_first = ms_run_workers();
  size_t bytes_first = malloc_bytes_in_use();
  size_t pages_second = ms_run_workers();
  size_t bytes_second = malloc_bytes_in_use();

  ktest_msg("heap bytes in use after each run %s",
            bytes_first == bytes_second ? "equal" : "differ");
  ktest_msg("free kernel pages after each run %s",
            pages_first == pages_second ? "equal" : "differ");

  free(NULL);
  void *huge = malloc((size_t)1 << 40);
  ktest_msg("malloc of 1 TiB: %s", huge == NULL ? "NULL" : "succeeded");
  void *wrap = calloc(SIZE_MAX / 8, 16);
  ktest_msg("calloc with an overflowing size: %s",
            wrap == NULL ? "NULL" : "succeeded");
  ktest_msg("heap bytes in use after the failed requests %s",
            malloc_bytes_in_use() == bytes_second ? "unchanged" : "changed");

  /* The heap charges a block's whole class (malloc_bytes_in_use). */
  struct page *page = malloc(sizeof *page);
  ktest_msg("a struct page's block wastes %zu bytes",
            malloc_bytes_in_use() - bytes_second - sizeof *page);
  free(page);
}
