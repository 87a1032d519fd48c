/* SPDX-License-Identifier: MIT */
#ifndef TESTS_VM_VM_LIB_H
#define TESTS_VM_VM_LIB_H

/* Small helpers shared by the VM tests, header-only so that every test
   stays one program: a reproducible 64-bit generator (the tests compare
   a result with one computed a second, different way, never with a
   constant), page arithmetic and the stack-pointer tricks of the
   stack-growth tests. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "tests/lib.h"

#define PAGE 4096UL
#define MIB (1024UL * 1024UL)
#define STACK_LIMIT (1024UL * 1024UL)

/* xorshift64*: cheap, full period, good enough to scatter accesses. */
static inline uint64_t
rng_next(uint64_t *state)
{
  uint64_t x = *state;

  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * 2685821657736338717ULL;
}

/* A generator state from SEED (never zero, which would stick). */
static inline uint64_t
rng_seed(uint64_t seed)
{
  return seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL;
}

/* The word stored at index I of a pattern with SEED: a pure function, so
   a verifier recomputes it instead of keeping a copy. */
static inline uint64_t
word_at(uint64_t i, uint64_t seed)
{
  uint64_t x = (i + 1) * 0x9e3779b97f4a7c15ULL ^ (seed << 32 | seed);

  x ^= x >> 31;
  x *= 0xbf58476d1ce4e5b9ULL;
  return x ^ (x >> 29);
}

/* Fills N words at P with pattern SEED. */
static inline void
words_fill(uint64_t *p, size_t n, uint64_t seed)
{
  size_t i;

  for (i = 0; i < n; i++)
    p[i] = word_at(i, seed);
}

/* Index of the first of N words at P off pattern SEED, or N. */
static inline size_t
words_check(const uint64_t *p, size_t n, uint64_t seed)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (p[i] != word_at(i, seed))
      return i;
  return n;
}

/* Index of the first of N words at P off pattern SEED where P[0] is
   word START of the pattern, or N. */
static inline size_t
words_check_at(const uint64_t *p, size_t start, size_t n, uint64_t seed)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (p[i] != word_at(start + i, seed))
      return i;
  return n;
}

/* A 7-bit digest of pattern SEED over N words, computed from the formula
   (the parent's side of a child's checksum status). */
static inline int
words_digest(size_t n, uint64_t seed)
{
  uint64_t sum = 0;
  size_t i;

  for (i = 0; i < n; i++)
    sum += word_at(i, seed);
  return (int)(sum % 127) + 1;
}

/* The same digest computed from memory (the child's side). */
static inline int
words_digest_mem(const uint64_t *p, size_t n)
{
  uint64_t sum = 0;
  size_t i;

  for (i = 0; i < n; i++)
    sum += p[i];
  return (int)(sum % 127) + 1;
}

/* A barrier for children that must hold their memory at the same time:
   file NAME has one byte per child, set to 1 when that child arrives. */
static inline void
barrier_arrive(int fd, int index)
{
  char one = 1;

  seek(fd, index);
  write(fd, &one, 1);
}

/* True once all N children have arrived at the barrier in FD. */
static inline bool
barrier_all_there(int fd, int n)
{
  char flags[64];
  int i;

  seek(fd, 0);
  if (n > 64 || read(fd, flags, n) != n)
    return false;
  for (i = 0; i < n; i++)
    if (flags[i] != 1)
      return false;
  return true;
}

/* A child of a barrier test: fills REGION (WORDS words) with pattern
   SEED, arrives at the barrier in file "barrier", keeps checking its data
   until all CHILDREN have arrived, checks once more and exits with the
   digest of its data (0 on any mismatch).  Between checks it sleeps a
   tick: a waiter that only computes would keep the one CPU from the
   children still faulting their data in for a whole time slice per
   fault (they share its priority), and the barrier would take minutes. */
static inline void NO_RETURN
barrier_child(uint64_t *region, size_t words, uint64_t seed, int index,
              int children)
{
  int fd = open_checked("barrier");

  words_fill(region, words, seed);
  barrier_arrive(fd, index);
  do {
    if (words_check(region, words, seed) != words)
      exit(0);
    sleep(1);
  } while (!barrier_all_there(fd, children));
  if (words_check(region, words, seed) != words)
    exit(0);
  exit(words_digest_mem(region, words));
}

/* Creates the barrier file and forks CHILDREN barrier children named
   NAME, child I using pattern SEED + I; fills PIDS. */
static inline void
barrier_spawn(uint64_t *region, size_t words, uint64_t seed, int children,
              const char *name, pid_t *pids)
{
  int i;

  if (!create("barrier", children))
    fail("create barrier");
  for (i = 0; i < children; i++) {
    pids[i] = fork_checked(name);
    if (pids[i] == 0)
      barrier_child(region, words, seed + i, i, children);
  }
}

/* "yes" or "no", for facts printed as lines of the expected output. */
static inline const char *
yes_no(bool b)
{
  return b ? "yes" : "no";
}

/* Whether the page holding ADDR is present in the hardware page table. */
static inline bool
present(const void *addr)
{
  return get_phys_addr((void *)addr) != NULL;
}

/* Runs a store of VALUE at the word just below NEW_RSP with rsp set to
   NEW_RSP (a push), then restores rsp and returns what a pop read back.
   The push is the only access, so the fault it may take is judged
   against NEW_RSP. */
static inline uint64_t
push_at(uintptr_t new_rsp, uint64_t value)
{
  uint64_t out;

  asm volatile("mov %%rsp, %%rbx\n\t"
               "mov %1, %%rsp\n\t"
               "push %2\n\t"
               "pop %0\n\t"
               "mov %%rbx, %%rsp"
               : "=&r"(out)
               : "r"(new_rsp), "r"(value)
               : "rbx", "memory");
  return out;
}

/* Sets rsp to NEW_RSP and stores at NEW_RSP + DISP; used to make a store
   that the stack rule must refuse.  Never returns normally when the
   kernel is right; if it does, rsp is restored first. */
static inline void
store_with_rsp(uintptr_t new_rsp, long disp)
{
  asm volatile("mov %%rsp, %%rbx\n\t"
               "mov %0, %%rsp\n\t"
               "movq $1, (%%rsp, %1)\n\t"
               "mov %%rbx, %%rsp"
               :
               : "r"(new_rsp), "r"(disp)
               : "rbx", "memory");
}

#endif /* TESTS_VM_VM_LIB_H */
