/* SPDX-License-Identifier: MIT */

/* palloc-stress: the page allocator under a long random workload and at
   exhaustion.

   Random phase: a table of slots holds runs of 1..8 pages from either
   pool, some asked zeroed.  Each step frees or fills a random slot.  Every
   run is filled with a pattern derived from its own seed and verified
   when freed, so overlapping runs, pages handed out twice or runs that are
   not really contiguous corrupt a pattern.  Zeroed runs are checked for
   zeros first.  With at most a quarter of each pool in use, a NULL return
   is an error.  Afterwards both free counts must be back at their start.

   Exhaustion phase: take single user pages until the pool says no; the
   number taken must equal the free count, a multi-page request must fail
   while empty, and after freeing everything (checking each page kept its
   tag) the count must be restored and a second exhaustion must reach the
   same depth. */

#include <inttypes.h>

#include "mm/palloc.h"
#include "mm/vaddr.h"
#include "tests/kthreads/ktest.h"

#define PS_SLOTS 48
#define PS_STEPS 3000
#define PS_MAX_RUN 8

struct ps_run {
  uint64_t *kva; /* NULL when the slot is empty. */
  size_t pages;
  enum palloc_flags flags;
  uint64_t seed;
};

static uint64_t
ps_word(uint64_t seed, size_t i)
{
  uint64_t x = seed * 0x9e3779b97f4a7c15ull + i;
  return x ^ (x >> 29);
}

static size_t
ps_words(const struct ps_run *r)
{
  return r->pages * PGSIZE / sizeof(uint64_t);
}

static void
ps_fill(struct ps_run *r)
{
  bool zero = r->flags & PAL_ZERO;
  for (size_t i = 0; i < ps_words(r); i++) {
    if (zero && r->kva[i] != 0)
      ktest_fail("PAL_ZERO run %p has a non-zero word at %zu", r->kva, i);
    r->kva[i] = ps_word(r->seed, i);
  }
}

static void
ps_release(struct ps_run *r, size_t *live)
{
  for (size_t i = 0; i < ps_words(r); i++)
    if (r->kva[i] != ps_word(r->seed, i))
      ktest_fail("run %p (%zu pages) changed at word %zu", r->kva, r->pages, i);
  if (r->pages == 1)
    palloc_free_page(r->kva);
  else
    palloc_free_multiple(r->kva, r->pages);
  live[(r->flags & PAL_USER) != 0] -= r->pages;
  r->kva = NULL;
}

static void
ps_take(struct ps_run *r, uint64_t *rng, size_t *live, const size_t *cap)
{
  r->flags = ktest_random(rng) & 1 ? PAL_USER : 0;
  if (ktest_random(rng) % 4 == 0)
    r->flags |= PAL_ZERO;
  r->pages =
      ktest_random(rng) % 3 == 0 ? ktest_random_range(rng, 2, PS_MAX_RUN) : 1;
  r->seed = ktest_random(rng);
  int pool = (r->flags & PAL_USER) != 0;
  if (live[pool] + r->pages > cap[pool])
    return;
  r->kva = r->pages == 1 ? palloc_get_page(r->flags)
                         : palloc_get_multiple(r->flags, r->pages);
  if (r->kva == NULL)
    ktest_fail("%zu-page request failed with %zu of %zu pages in use", r->pages,
               live[pool], cap[pool] * 4);
  if (pg_ofs(r->kva) != 0)
    ktest_fail("palloc returned unaligned %p", r->kva);
  live[pool] += r->pages;
  ps_fill(r);
}

static void
ps_random_phase(void)
{
  static struct ps_run runs[PS_SLOTS];
  size_t live[2] = {0, 0};
  size_t cap[2] = {palloc_free_count(0) / 4, palloc_free_count(PAL_USER) / 4};
  uint64_t rng = 0x5eed0fa11c0ull;

  for (int step = 0; step < PS_STEPS; step++) {
    struct ps_run *r = &runs[ktest_random(&rng) % PS_SLOTS];
    if (r->kva != NULL)
      ps_release(r, live);
    else
      ps_take(r, &rng, live, cap);
  }
  for (int i = 0; i < PS_SLOTS; i++)
    if (runs[i].kva != NULL)
      ps_release(&runs[i], live);
  ktest_msg("random phase: every run kept its pattern");
}

/* Takes user pages until none is left, linking them through their first
   word; returns the number taken and the list head in *HEAD. */
static size_t
ps_exhaust(uint64_t **head)
{
  size_t n = 0;
  uint64_t *page;

  *head = NULL;
  while ((page = palloc_get_page(PAL_USER)) != NULL) {
    page[0] = (uint64_t)*head;
    page[1] = n++;
    *head = page;
  }
  return n;
}

static bool
ps_give_back(uint64_t *head, size_t n)
{
  bool intact = true;
  while (head != NULL) {
    uint64_t *next = (uint64_t *)head[0];
    intact &= head[1] == --n;
    palloc_free_page(head);
    head = next;
  }
  return intact && n == 0;
}

static void
ps_exhaust_phase(void)
{
  size_t before = palloc_free_count(PAL_USER);
  uint64_t *head;
  size_t n = ps_exhaust(&head);

  ktest_msg("user pool: pages taken %s the free count",
            n == before ? "equal" : "differ from");
  void *extra = palloc_get_multiple(PAL_USER, 2);
  ktest_msg("user pool: request while empty %s",
            extra ? "succeeded" : "failed");
  ktest_msg("user pool: pages kept their tags: %s",
            ps_give_back(head, n) ? "yes" : "no");
  ktest_msg("user pool: free count %s", palloc_free_count(PAL_USER) == before
                                            ? "restored"
                                            : "not restored");
  size_t again = ps_exhaust(&head);
  ps_give_back(head, again);
  ktest_msg("user pool: second exhaustion reached %s depth",
            again == n ? "the same" : "a different");
}

/* Entry point of palloc-stress (see the note at the top). */
void
ktest_palloc_stress(void)
{
  size_t kfree = palloc_free_count(0);
  size_t ufree = palloc_free_count(PAL_USER);

  ktest_msg("user pool has %s pages", ufree >= 64 ? "enough" : "too few");
  ps_random_phase();
  ktest_msg("kernel pool: free count %s",
            palloc_free_count(0) == kfree ? "restored" : "not restored");
  ktest_msg("user pool: free count %s",
            palloc_free_count(PAL_USER) == ufree ? "restored" : "not restored");
  ps_exhaust_phase();
}
