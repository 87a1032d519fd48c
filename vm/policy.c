/* SPDX-License-Identifier: MIT */
/* The replacement policies' registry, and the index queue they share.
 *
 * The boot option -vm-policy=NAME picks one of the policies listed here
 * before the frame table starts; after that the choice is frozen (a policy
 * keeps state about every resident frame, so it cannot change under a
 * running system).  The queue threads frame indices through two arrays
 * allocated once at boot, so moving a frame to the back of its order
 * costs four stores and never allocates. */

#include "vm/policy.h"

#include <debug.h>
#include <string.h>

#include "mm/malloc.h"

/* The first is the default: 2Q has the best geometric mean of faults
   over OPT's on the deterministic benchmark workloads (docs/benchmarks.md
   has the table). */
static const struct vm_policy *const policies[] = {
    &policy_2q,     &policy_clock, &policy_fifo,
    &policy_second, &policy_aging, &policy_random,
};
#define POLICY_CNT (sizeof policies / sizeof policies[0])

static const struct vm_policy *chosen = policies[0];
static bool frozen;

const struct vm_policy *
policy_find(const char *name)
{
  for (size_t i = 0; i < POLICY_CNT; i++)
    if (!strcmp(policies[i]->name, name))
      return policies[i];
  return NULL;
}

bool
policy_select(const char *name)
{
  const struct vm_policy *p = policy_find(name);
  if (p == NULL || (frozen && p != chosen))
    return false;
  chosen = p;
  return true;
}

const struct vm_policy *
policy_current(void)
{
  return chosen;
}

void
policy_freeze(void)
{
  frozen = true;
}

const char *
policy_names(void)
{
  static char names[64];
  if (names[0] == '\0')
    for (size_t i = 0; i < POLICY_CNT; i++) {
      if (i > 0)
        strlcat(names, " ", sizeof names);
      strlcat(names, policies[i]->name, sizeof names);
    }
  return names;
}

bool
pseen_init(struct pseen *s, size_t cnt)
{
  s->stamp = calloc(cnt, sizeof *s->stamp);
  s->search = 0;
  return s->stamp != NULL;
}

void
pseen_begin(struct pseen *s)
{
  s->search++;
}

bool
pseen_again(struct pseen *s, size_t i)
{
  bool again = s->stamp[i] == s->search;
  s->stamp[i] = s->search;
  return again;
}

bool
pqueue_links_init(struct pqueue_links *l, size_t cnt)
{
  l->prev = calloc(cnt, sizeof *l->prev);
  l->next = calloc(cnt, sizeof *l->next);
  l->in = calloc(cnt, sizeof *l->in);
  return l->prev != NULL && l->next != NULL && l->in != NULL;
}

void
pqueue_init(struct pqueue *q, uint16_t tag)
{
  ASSERT(tag != 0);
  q->head = q->tail = POLICY_END;
  q->len = 0;
  q->tag = tag;
}

/* Append I (on no queue) at Q's tail. */
void
pqueue_push(struct pqueue *q, struct pqueue_links *l, size_t i)
{
  ASSERT(l->in[i] == 0);
  l->in[i] = q->tag;
  l->prev[i] = q->tail;
  l->next[i] = POLICY_END;
  if (q->tail != POLICY_END)
    l->next[q->tail] = i;
  else
    q->head = i;
  q->tail = i;
  q->len++;
}

/* Take I (on Q) off Q. */
void
pqueue_remove(struct pqueue *q, struct pqueue_links *l, size_t i)
{
  ASSERT(l->in[i] == q->tag);
  if (l->prev[i] != POLICY_END)
    l->next[l->prev[i]] = l->next[i];
  else
    q->head = l->next[i];
  if (l->next[i] != POLICY_END)
    l->prev[l->next[i]] = l->prev[i];
  else
    q->tail = l->prev[i];
  l->in[i] = 0;
  q->len--;
}

void
pqueue_remove_any(struct pqueue *q[], int n, struct pqueue_links *l, size_t i)
{
  for (int k = 0; k < n; k++)
    if (l->in[i] == q[k]->tag) {
      pqueue_remove(q[k], l, i);
      return;
    }
}
