/* SPDX-License-Identifier: MIT */
/* Pagoda's hash table (lib/kernel/hash.c) against GLib's GHashTable.

   For n = 10^3 .. 10^6 random 64-bit keys (fixed seed) it times insert,
   find hit, find miss and delete, in ns per operation, and prints a
   markdown table.  Each phase is repeated (more often for small n) and the
   best of five runs is kept, to damp noise from other processes.

   Setup, chosen to be fair:
   - Pagoda: elements are preallocated in an array (the table is
     intrusive); the hash is hash_u64 of the key, less compares keys.
   - GLib "int64": g_int64_hash/g_int64_equal with keys pointing at the
     same preallocated elements (g_hash_table_add, key == value).  Like
     ours, every comparison dereferences the element: the fair match.
   - GLib "direct": g_direct_hash/g_direct_equal with the key itself as
     the pointer, so no element is ever touched.  This is GLib's best case,
     shown for reference; an intrusive table cannot work this way.
   Lookups go in a different random order from insertion.

   Both tables allocate through the same glibc malloc, told to keep freed
   memory instead of returning big blocks to the OS: otherwise every resize
   pays fresh page faults, which measures Linux rather than the tables (and
   the kernel's own malloc has no such cost). */

#include <glib.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lib/kernel/hash.h"

#define TRIALS 5 /* Runs per measurement; the best counts. */

struct item {
  uint64_t key;
  struct hash_elem elem;
};

/* hash.c asserts; a failed assertion ends the benchmark. */
void
debug_panic(const char *file, int line, const char *function,
            const char *message, ...)
{
  va_list args;

  va_start(args, message);
  fprintf(stderr, "PANIC at %s:%d in %s(): ", file, line, function);
  vfprintf(stderr, message, args);
  va_end(args);
  abort();
}

static uint64_t
item_hash(const struct hash_elem *e, void *aux)
{
  return hash_u64(hash_entry(e, struct item, elem)->key);
}

static bool
item_less(const struct hash_elem *a, const struct hash_elem *b, void *aux)
{
  return hash_entry(a, struct item, elem)->key <
         hash_entry(b, struct item, elem)->key;
}

static uint64_t
next_random(uint64_t *state)
{
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static double
now_ns(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

enum { OP_INSERT, OP_HIT, OP_MISS, OP_DELETE, OP_CNT };
static const char *op_names[OP_CNT] = {"insert", "find hit", "find miss",
                                       "delete"};

/* The workload: N items, the order to look them up in, and absent keys. */
struct workload {
  size_t n;
  struct item *items;
  size_t *order;
  uint64_t *missing;
};

static volatile uintptr_t sink; /* Keeps lookups from being optimised out. */

/* One round on Pagoda's table, adding each phase's time to NS. */
static void
round_pagoda(const struct workload *w, double ns[OP_CNT])
{
  struct hash h;
  struct item probe;
  uintptr_t acc = 0;
  double t;
  size_t i;

  if (!hash_init(&h, item_hash, item_less, NULL))
    abort();
  t = now_ns();
  for (i = 0; i < w->n; i++)
    acc += (uintptr_t)hash_insert(&h, &w->items[i].elem);
  ns[OP_INSERT] += now_ns() - t;
  t = now_ns();
  for (i = 0; i < w->n; i++) {
    probe.key = w->items[w->order[i]].key;
    acc += (uintptr_t)hash_find(&h, &probe.elem);
  }
  ns[OP_HIT] += now_ns() - t;
  t = now_ns();
  for (i = 0; i < w->n; i++) {
    probe.key = w->missing[i];
    acc += (uintptr_t)hash_find(&h, &probe.elem);
  }
  ns[OP_MISS] += now_ns() - t;
  t = now_ns();
  for (i = 0; i < w->n; i++) {
    probe.key = w->items[w->order[i]].key;
    acc += (uintptr_t)hash_delete(&h, &probe.elem);
  }
  ns[OP_DELETE] += now_ns() - t;
  if (!hash_empty(&h))
    abort();
  hash_destroy(&h, NULL);
  sink = acc;
}

/* One round on GHashTable; DIRECT picks the key-as-pointer variant. */
static void
round_glib(const struct workload *w, bool direct, double ns[OP_CNT])
{
  GHashTable *t = direct ? g_hash_table_new(g_direct_hash, g_direct_equal)
                         : g_hash_table_new(g_int64_hash, g_int64_equal);
  uintptr_t acc = 0;
  uint64_t probe;
  double start;
  size_t i;

#define KEY_OF(K, PTR) (direct ? (gpointer)(uintptr_t)(K) : (gpointer)(PTR))
  start = now_ns();
  for (i = 0; i < w->n; i++)
    acc += g_hash_table_add(t, KEY_OF(w->items[i].key, &w->items[i].key));
  ns[OP_INSERT] += now_ns() - start;
  start = now_ns();
  for (i = 0; i < w->n; i++) {
    probe = w->items[w->order[i]].key;
    acc += (uintptr_t)g_hash_table_lookup(t, KEY_OF(probe, &probe));
  }
  ns[OP_HIT] += now_ns() - start;
  start = now_ns();
  for (i = 0; i < w->n; i++) {
    probe = w->missing[i];
    acc += (uintptr_t)g_hash_table_lookup(t, KEY_OF(probe, &probe));
  }
  ns[OP_MISS] += now_ns() - start;
  start = now_ns();
  for (i = 0; i < w->n; i++) {
    probe = w->items[w->order[i]].key;
    acc += g_hash_table_remove(t, KEY_OF(probe, &probe));
  }
  ns[OP_DELETE] += now_ns() - start;
#undef KEY_OF
  if (g_hash_table_size(t) != 0)
    abort();
  g_hash_table_destroy(t);
  sink = acc;
}

static void
make_workload(struct workload *w, size_t n, uint64_t seed)
{
  size_t i;

  w->n = n;
  w->items = calloc(n, sizeof *w->items);
  w->order = malloc(n * sizeof *w->order);
  w->missing = malloc(n * sizeof *w->missing);
  if (w->items == NULL || w->order == NULL || w->missing == NULL)
    abort();
  /* Even keys are present, odd keys absent: distinct by construction. */
  for (i = 0; i < n; i++) {
    w->items[i].key = next_random(&seed) & ~1ull;
    w->missing[i] = next_random(&seed) | 1;
    w->order[i] = i;
  }
  for (i = n; i > 1; i--) {
    size_t j = next_random(&seed) % i, t = w->order[i - 1];
    w->order[i - 1] = w->order[j];
    w->order[j] = t;
  }
}

static void
free_workload(struct workload *w)
{
  free(w->items);
  free(w->order);
  free(w->missing);
}

/* Time REPS rounds of implementation IMPL (0 Pagoda, 1 GLib int64,
   2 GLib direct) and lower BEST[op] to the ns/op seen, if better. */
static void
measure(const struct workload *w, int impl, size_t reps, double best[OP_CNT])
{
  double ns[OP_CNT] = {0};
  size_t r;
  int op;

  for (r = 0; r < reps; r++) {
    if (impl == 0)
      round_pagoda(w, ns);
    else
      round_glib(w, impl == 2, ns);
  }
  for (op = 0; op < OP_CNT; op++) {
    double per_op = ns[op] / (double)(reps * w->n);
    best[op] = per_op < best[op] ? per_op : best[op];
  }
}

/* Best of TRIALS for each implementation, the three interleaved so that a
   burst of load from other processes hits them alike. */
static void
measure_all(const struct workload *w, double best[3][OP_CNT])
{
  size_t reps = w->n >= 1000000 ? 1 : 1000000 / w->n;
  int trial, impl, op;

  for (impl = 0; impl < 3; impl++)
    for (op = 0; op < OP_CNT; op++)
      best[impl][op] = 1e300;
  for (trial = 0; trial < TRIALS; trial++)
    for (impl = 0; impl < 3; impl++)
      measure(w, impl, reps, best[impl]);
}

int
main(void)
{
  static const size_t sizes[] = {1000, 10000, 100000, 1000000};
  size_t s;
  int op;

  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  printf("| n | operation | Pagoda ns/op | GLib int64 ns/op | ratio | "
         "GLib direct ns/op | ratio |\n");
  printf("|---:|---|---:|---:|---:|---:|---:|\n");
  for (s = 0; s < sizeof sizes / sizeof *sizes; s++) {
    struct workload w;
    double best[3][OP_CNT];

    make_workload(&w, sizes[s], 12345 + s);
    measure_all(&w, best);
    for (op = 0; op < OP_CNT; op++)
      printf("| %zu | %s | %.1f | %.1f | %.2f | %.1f | %.2f |\n", sizes[s],
             op_names[op], best[0][op], best[1][op], best[0][op] / best[1][op],
             best[2][op], best[0][op] / best[2][op]);
    free_workload(&w);
  }
  printf("\nratio = Pagoda / GLib (below 1.00: Pagoda faster).\n");
  return 0;
}
