/* SPDX-License-Identifier: MIT */

/* priority-donate-chain: a long chain of lock waiters passes the top
   priority all the way down, and bystanders never cut in.

   Link I (1..DEPTH) has base priority 31 + 3*I; it takes its own lock
   L[I] and then blocks on L[I-1].  The test thread holds L[0], so the top
   link's priority must travel DEPTH hops to it.  Bystanders one above each
   lower link's base are created afterwards; none may run while the chain
   is blocked.  Releasing L[0] unwinds the chain: each link takes its lock
   still at the top priority, releases it and its own lock, and the next
   link runs at once.  After the top link finishes, bystanders and links
   finish interleaved by base priority. */

#include <stdio.h>

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define CHAIN_DEPTH 7

struct chain_link {
  int level;
  struct lock *below; /* The lock this link waits for. */
  struct lock *own;   /* The lock this link holds; NULL for the top. */
};

static int
chain_base(int level)
{
  return PRI_DEFAULT + 3 * level;
}

static void
chain_link_run(void *aux)
{
  struct chain_link *link = aux;

  if (link->own != NULL)
    lock_acquire(link->own);
  lock_acquire(link->below);
  ktest_msg("link %d: got its lock at priority %d", link->level,
            thread_get_priority());
  lock_release(link->below);
  if (link->own != NULL)
    lock_release(link->own);
  ktest_msg("link %d: finished at priority %d", link->level,
            thread_get_priority());
}

static void
chain_bystander_run(void *aux)
{
  ktest_msg("bystander %d: running", *(const int *)aux);
}

/* Entry point of priority-donate-chain (see the note at the top). */
void
ktest_priority_donate_chain(void)
{
  static struct lock locks[CHAIN_DEPTH];
  static struct chain_link links[CHAIN_DEPTH + 1];
  static int bystander_level[CHAIN_DEPTH];
  char name[16];

  for (int i = 0; i < CHAIN_DEPTH; i++)
    lock_init(&locks[i]);
  lock_acquire(&locks[0]);
  for (int lv = 1; lv <= CHAIN_DEPTH; lv++) {
    links[lv] =
        (struct chain_link){.level = lv,
                            .below = &locks[lv - 1],
                            .own = lv < CHAIN_DEPTH ? &locks[lv] : NULL};
    snprintf(name, sizeof name, "link%d", lv);
    ktest_spawn(name, chain_base(lv), chain_link_run, &links[lv]);
    ktest_msg("main: link %d waiting; priority %d", lv, thread_get_priority());
  }
  for (int lv = 1; lv < CHAIN_DEPTH; lv++) {
    bystander_level[lv] = lv;
    snprintf(name, sizeof name, "bystander%d", lv);
    ktest_spawn(name, chain_base(lv) + 1, chain_bystander_run,
                &bystander_level[lv]);
  }
  ktest_msg("main: %d bystanders created; releasing the bottom lock",
            CHAIN_DEPTH - 1);
  lock_release(&locks[0]);
  ktest_msg("main: done at priority %d", thread_get_priority());
}
