/* SPDX-License-Identifier: MIT */
/* Pintos name for mm/palloc.h. */
#include "mm/palloc.h"
