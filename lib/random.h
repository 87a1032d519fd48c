/* SPDX-License-Identifier: MIT */
#ifndef LIB_RANDOM_H
#define LIB_RANDOM_H

/* Deterministic pseudo-random numbers (not for cryptography).

   The stream is the RC4 keystream keyed by the four bytes of the seed in
   little-endian order.  Pintos programs and their expected outputs (for
   example the checksums of tests/vm/page-shuffle) depend on exactly this
   sequence, so it must not change.  Without random_init the seed is 0. */

#include <stddef.h>

/* Restart the sequence from SEED. */
void random_init(unsigned seed);

/* Fill the SIZE bytes at BUFFER with the next bytes of the sequence. */
void random_bytes(void *buffer, size_t size);

/* The next sizeof(unsigned long) bytes of the sequence as a number. */
unsigned long random_ulong(void);

#endif
