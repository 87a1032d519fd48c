/* SPDX-License-Identifier: MIT */
/* Pintos name for mm/malloc.h. */
#include "mm/malloc.h"
