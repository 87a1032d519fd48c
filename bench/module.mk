# SPDX-License-Identifier: MIT
# bench: host benchmarks (-O2, no sanitizers) and the guest benchmark
# programs that bench/run-bench boots (docs/benchmarks.md).
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

# Guest programs: bench/progs/NAME.c -> build/bench/progs/NAME.
BENCH_PROGS += bench/progs/bsys     # null system call round trips
BENCH_PROGS += bench/progs/bspawn   # fork+exit+wait, fork+exec+wait
BENCH_PROGS += bench/progs/btrue    # what bspawn execs
BENCH_PROGS += bench/progs/bclock   # time-stamp counter at the first user instruction
BENCH_PROGS += bench/progs/bzfill   # lazy zero-fill faults on BSS
BENCH_PROGS += bench/progs/bfile    # file-page faults through mmap
BENCH_PROGS += bench/progs/bwalk    # linear walk over more than memory
BENCH_PROGS += bench/progs/brand    # random access to a working set
BENCH_PROGS += bench/progs/bpar     # parallel walkers that evict each other
BENCH_PROGS += bench/progs/bsort    # merge sort bigger than memory
BENCH_PROGS += bench/progs/bhot     # hot set and a scan going by it (defeats LRU)
BENCH_PROGS += bench/progs/bfileio  # sequential and scattered read/write, 64 KiB chunks
BENCH_PROGS += bench/progs/bshare   # resident frames of K instances of one program
BENCH_PROGS += bench/progs/bscale   # fault, fork and exit cost as the address space grows
BENCH_PROGS += bench/progs/bmmap    # mmap+munmap of 1 page vs 64 GiB
BENCH_BINS := $(patsubst bench/progs/%,$(BENCH_DIR)/progs/%,$(BENCH_PROGS))
ALL_TARGETS += $(BENCH_BINS)

$(B)/user/bench/progs/%.o: UCFLAGS += -I. -Werror -Wstrict-prototypes \
    -Wmissing-prototypes

$(BENCH_DIR)/progs/%: $(B)/user/bench/progs/%.o $(ULIB) lib/user/user.lds
	@mkdir -p $(@D)
	$(LD) $(ULDFLAGS) -o $@ $< $(ULIB)

# The whole table: the hash benchmark first, then the guest benchmarks
# (3-5 minutes on two cores); also saved as build/bench/results.md.
# BENCHARGS=--quick: a one-minute smoke run.
# Then one PNG figure per VM workload from its trace (build/bench/plots/,
# Debian's python3 with python3-matplotlib).
bench: all bench-hash
	@$(MAKE) --no-print-directory NOTRACE=1 kernel
	$(PYTHON) bench/run-bench --hash $(BENCH_DIR)/hash.md \
	    --out $(BENCH_DIR)/results.md $(BENCHARGS)
	/usr/bin/python3 bench/plot-workloads

# bench/refs: the benchmark programs' page reference strings, regenerated
# on the host for `tools/pagoda opt' (OPT and LRU against the policies).
$(BENCH_DIR)/refs: bench/refs.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  BENCHCC $@")
	$(Q)$(CC) $(BENCH_CFLAGS) $(DEPFLAGS) -o $@ $<
ALL_TARGETS += $(BENCH_DIR)/refs
