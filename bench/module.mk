# SPDX-License-Identifier: MIT
# bench: host benchmarks (-O2, no sanitizers).
#
# bench-hash: lib/kernel/hash.c against GLib's GHashTable
# (bench/hash-bench.c; the table is also saved as build/bench/hash.md).
BENCH_DIR := $(B)/bench
BENCH_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter -I.
# lib/kernel sources build as in the kernel: freestanding, asserts on.
BENCH_LIB_CFLAGS := $(BENCH_CFLAGS) -ffreestanding -nostdinc \
    -isystem $(GCC_INC) -Ilib -Ilib/kernel
BENCH_GLIB_CFLAGS := $(shell pkg-config --cflags glib-2.0 2>/dev/null)
BENCH_GLIB_LIBS := $(shell pkg-config --libs glib-2.0 2>/dev/null)

BENCH_HASH_OBJS := $(BENCH_DIR)/lib/kernel/hash.o $(BENCH_DIR)/lib/kernel/list.o

$(BENCH_DIR)/lib/kernel/%.o: lib/kernel/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  BENCHCC $@")
	$(Q)$(CC) $(BENCH_LIB_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BENCH_DIR)/hash-bench: bench/hash-bench.c $(BENCH_HASH_OBJS)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  BENCHCC $@")
	$(Q)$(CC) $(BENCH_CFLAGS) $(BENCH_GLIB_CFLAGS) $(DEPFLAGS) -o $@ $< \
	    $(BENCH_HASH_OBJS) $(BENCH_GLIB_LIBS)

.PHONY: bench-hash
bench-hash: $(BENCH_DIR)/hash-bench
	$(BENCH_DIR)/hash-bench | tee $(BENCH_DIR)/hash.md

bench: bench-hash
