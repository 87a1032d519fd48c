# SPDX-License-Identifier: MIT
# tests/unit: host unit tests of lib/ (Check framework, ASan + UBSan).
#
# The lib/ sources are compiled unchanged, freestanding as in the kernel,
# but with hosted-names.h force-included so their symbols (memcpy,
# printf...) become pg_memcpy, pg_printf... and do not clash with the host
# C library.  Each tests/unit/test-NAME.c becomes build/unit/test-NAME.
UNIT_TESTS += string   # mem*/str* against the host C library, randomized
UNIT_TESTS += stdio    # vsnprintf against host snprintf; truncation; hex_dump
UNIT_TESTS += stdlib   # atoi, qsort/sort, bsearch/binary_search
UNIT_TESTS += random   # RC4 keystream against an independent model
UNIT_TESTS += list     # list operations, sort stability, unique, reverse
UNIT_TESTS += hash     # hash table against a model, load factor bounds
UNIT_TESTS += bitmap   # bitmap ranges and scans against a bool-array model

UNIT_LIB_SRCS += lib/string.c lib/stdio.c lib/stdlib.c lib/random.c
UNIT_LIB_SRCS += lib/kernel/list.c lib/kernel/hash.c lib/kernel/bitmap.c
UNIT_SUPPORT_SRCS += tests/unit/hosted.c       # console, panic, capture, runner
UNIT_SUPPORT_SRCS += tests/unit/fail-malloc.c  # host malloc that tests can make fail

UNIT_DIR := $(B)/unit
UNIT_CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
UNIT_CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)
UNIT_LIB_CFLAGS = $(HCFLAGS) -Wstrict-prototypes -Wmissing-prototypes \
    -ffreestanding -nostdinc -isystem $(GCC_INC) -Ilib -Ilib/kernel \
    -include tests/unit/hosted-names.h
UNIT_TEST_CFLAGS = $(HCFLAGS) $(UNIT_CHECK_CFLAGS) -idirafter lib

UNIT_LIB_OBJS = $(patsubst %.c,$(UNIT_DIR)/%.o,$(UNIT_LIB_SRCS))
UNIT_SUPPORT_OBJS = $(patsubst %.c,$(UNIT_DIR)/%.o,$(UNIT_SUPPORT_SRCS))
UNIT_BINS = $(patsubst %,$(UNIT_DIR)/test-%,$(UNIT_TESTS))

$(UNIT_DIR)/lib/%.o: lib/%.c tests/unit/hosted-names.h
	@mkdir -p $(@D)
	@$(if $(Q),echo "  UNITCC  $@")
	$(Q)$(CC) $(UNIT_LIB_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(UNIT_DIR)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  UNITCC  $@")
	$(Q)$(CC) $(UNIT_TEST_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(UNIT_DIR)/test-%: $(UNIT_DIR)/tests/unit/test-%.o $(UNIT_SUPPORT_OBJS) \
                    $(UNIT_LIB_OBJS)
	@$(if $(Q),echo "  UNITCC  $@")
	$(Q)$(CC) $(HCFLAGS) -o $@ $^ $(UNIT_CHECK_LIBS)

# Run every test binary even after a failure, then fail if any failed.
# Check prints each binary's "100%: Checks: N, Failures: 0, Errors: 0".
unit: $(UNIT_BINS)
	@failed=; \
	for t in $(UNIT_BINS); do \
	  echo "== $$t"; \
	  $$t || failed="$$failed $${t##*/}"; \
	done; \
	if [ -n "$$failed" ]; then echo "unit: FAILED:$$failed"; exit 1; fi; \
	echo "unit: all $(words $(UNIT_BINS)) test programs passed"

