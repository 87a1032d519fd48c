/* SPDX-License-Identifier: MIT */
/* Pseudo-random bytes from the RC4 keystream.

   RC4 keeps a permutation of the 256 byte values and two indices.  Keying
   (random_init) shuffles the identity permutation under the control of the
   key bytes; each output byte then advances both indices, swaps the two
   entries they select, and outputs the entry at the sum of those two
   entries.  The key is the seed's four little-endian bytes, which makes
   the sequence identical to the one Pintos programs expect.

   The state is global and unlocked: in the kernel, callers that may race
   must serialise themselves; each user process has its own copy. */

#include <random.h>
#include <stdbool.h>
#include <stdint.h>

static uint8_t perm[256]; /* The permutation. */
static uint8_t index_i;   /* Advances by one per byte. */
static uint8_t index_j;   /* Advances by a permutation entry per byte. */
static bool seeded;

static void
swap_entries(uint8_t a, uint8_t b)
{
  uint8_t t = perm[a];

  perm[a] = perm[b];
  perm[b] = t;
}

/* See random.h. */
void
random_init(unsigned seed)
{
  uint8_t key[4];
  uint8_t j = 0;
  int i;

  for (i = 0; i < 4; i++)
    key[i] = (uint8_t)(seed >> (8 * i));
  for (i = 0; i < 256; i++)
    perm[i] = (uint8_t)i;
  for (i = 0; i < 256; i++) {
    j = (uint8_t)(j + perm[i] + key[i % 4]);
    swap_entries((uint8_t)i, j);
  }
  index_i = index_j = 0;
  seeded = true;
}

/* See random.h. */
void
random_bytes(void *buffer, size_t size)
{
  uint8_t *p = buffer;

  if (!seeded)
    random_init(0);
  for (; size > 0; size--) {
    index_i++;
    index_j = (uint8_t)(index_j + perm[index_i]);
    swap_entries(index_i, index_j);
    *p++ = perm[(uint8_t)(perm[index_i] + perm[index_j])];
  }
}

/* See random.h. */
unsigned long
random_ulong(void)
{
  unsigned long value;

  random_bytes(&value, sizeof value);
  return value;
}
