/* SPDX-License-Identifier: MIT */
#ifndef FIXTURE_STDDEF_H
#define FIXTURE_STDDEF_H

#define NULL ((void *)0)
typedef unsigned long size_t;
typedef long ptrdiff_t;

#endif
