/* SPDX-License-Identifier: MIT */
#ifndef LIB_ROUND_H
#define LIB_ROUND_H

/* Integer rounding.  STEP must be positive; the macros evaluate their
   arguments more than once. */

/* X rounded up to the nearest multiple of STEP. */
#define ROUND_UP(X, STEP) (((X) + (STEP)-1) / (STEP) * (STEP))

/* X / STEP, rounded up. */
#define DIV_ROUND_UP(X, STEP) (((X) + (STEP)-1) / (STEP))

/* X rounded down to a multiple of STEP. */
#define ROUND_DOWN(X, STEP) ((X) / (STEP) * (STEP))

#endif
