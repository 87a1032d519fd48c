/* SPDX-License-Identifier: MIT */
#ifndef THREADS_FIXED_POINT_H
#define THREADS_FIXED_POINT_H

/* 17.14 fixed-point numbers for the MLFQS scheduler: an int64_t holding
   value * 2^14.  Products and quotients widen before scaling, so nothing
   overflows in the ranges the scheduler uses. */

#include <stdint.h>

typedef int64_t fixed_t;
#define FP_ONE ((fixed_t)1 << 14)

static inline fixed_t
fp_int(int64_t n)
{
  return n * FP_ONE;
}
static inline fixed_t
fp_mul(fixed_t a, fixed_t b)
{
  return a * b / FP_ONE;
}
static inline fixed_t
fp_div(fixed_t a, fixed_t b)
{
  return a * FP_ONE / b;
}

/* Nearest integer, halves away from zero. */
static inline int64_t
fp_round(fixed_t x)
{
  return x >= 0 ? (x + FP_ONE / 2) / FP_ONE : (x - FP_ONE / 2) / FP_ONE;
}

/* Toward zero. */
static inline int64_t
fp_trunc(fixed_t x)
{
  return x / FP_ONE;
}

#endif
