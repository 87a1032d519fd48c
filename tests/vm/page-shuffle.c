/* SPDX-License-Identifier: MIT */

/* A 5 MiB array of random 64-bit words in BSS, a little more than the user
   memory of the 10 MB machine, is shuffled in place several times.  The
   sum and the xor of the words do not change under shuffling, so they are
   computed once right after filling and again after every round; any
   page lost, zeroed or duplicated on its way through swap changes them. */

#include "tests/vm/vm-lib.h"

#define COUNT (5 * MIB / sizeof(uint64_t))
#define ROUNDS 2

static uint64_t words[COUNT];

/* Sum and xor of the whole array. */
static void
digest(uint64_t *sum, uint64_t * xor)
{
  size_t i;

  *sum = *xor = 0;
  for (i = 0; i < COUNT; i++) {
    *sum += words[i];
    *xor ^= words[i];
  }
}

/* Swaps COUNT / 16 random pairs: a partial shuffle that still touches
   pages all over the array. */
static void
shuffle(uint64_t *state)
{
  size_t i;

  for (i = 0; i < COUNT / 16; i++) {
    size_t a = rng_next(state) % COUNT, b = rng_next(state) % COUNT;
    uint64_t t = words[a];

    words[a] = words[b];
    words[b] = t;
  }
}

/* Fills with random words, shuffles and compares the digests. */
void
test_main(int argc, char *argv[])
{
  uint64_t state = rng_seed(77), sum0, xor0, sum, xor;
  size_t i;
  int round;

  for (i = 0; i < COUNT; i++)
    words[i] = rng_next(&state);
  digest(&sum0, &xor0);
  for (round = 1; round <= ROUNDS; round++) {
    shuffle(&state);
    digest(&sum, &xor);
    msg("round %d: sum and xor unchanged: %s", round,
        yes_no(sum == sum0 && xor == xor0));
  }
}
