# SPDX-License-Identifier: MIT
# Pagoda: the one entry point.  Non-recursive: every folder adds its sources
# in a module.mk (one line of role per source); everything is built out of
# tree in build/.
#
#   make            kernel, user library, programs, default disk image
#   make run        boot into the shell (serial on this terminal; Ctrl-a x quits)
#   make check      every test (TESTS=glob to pick, REPEAT=N, JOBS=N,
#                   VM_POLICY=NAME, SMP=N CPUs), then the other replacement
#                   policies on the VM suite (check-policies) and the whole
#                   suite again at two CPUs (check-smp)
#   make unit       host unit tests of lib/ and filesys/ (ASan + UBSan)
#   make debug      QEMU paused with a gdb stub, gdb attached (TEST=name)
#   make bench      benchmark table
#   make trace      HTML report of a traced test (TEST=name); make TRACE=1:
#                   the call-flow kernel in build/trace/ (make flow)
#   make iso        GRUB rescue image that boots any PC
#   make format-check

.SUFFIXES:
.DEFAULT_GOAL := all
SHELL := /bin/bash

# Two stages, so that nothing is computed from tools that are not there
# yet.  Stage 1 (this block) reads nothing else: it runs tools/install-deps,
# which installs whatever is missing, and then a second make, stage 2 (the
# rest of this file), which only now reads the module.mk files and
# evaluates $(shell gcc ...), $(shell pkg-config ...) and the like.  `make
# clean' needs no tools and skips stage 1.
ifeq ($(PAGODA_STAGE)$(filter-out clean,$(or $(MAKECMDGOALS),all)),)
PAGODA_STAGE := 2
endif
ifneq ($(PAGODA_STAGE),2)
STAGE1_GOALS := $(or $(MAKECMDGOALS),all)
.PHONY: $(STAGE1_GOALS) stage2
$(STAGE1_GOALS): stage2
	@:
stage2:
	@tools/install-deps
	@$(MAKE) --no-print-directory PAGODA_STAGE=2 $(MAKECMDGOALS)
else
# Quiet by default; `make V=1' shows the commands.
Q := $(if $(V),,@)

B := build
CC := gcc
LD := ld
OBJCOPY := objcopy
PYTHON := python3
GCC_INC := $(shell $(CC) -print-file-name=include)

WARN := -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes \
        -Wno-unused-parameter -Werror=return-type
DEPFLAGS = -MMD -MP

# Kernel: freestanding, higher half, no red zone, no SSE, frame pointers.
KCFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc -isystem $(GCC_INC) \
           -I. -Ilib -Ilib/kernel -mcmodel=kernel -mno-red-zone \
           -mgeneral-regs-only -fno-pic -fno-pie -fno-stack-protector \
           -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
           -fno-strict-aliasing -fno-asynchronous-unwind-tables \
           -fcf-protection=none $(WARN)
# Debug channels (lib/kernel/console.h): make DEBUG="VM SWAP" turns on
# dbg(VM, ...) and dbg(SWAP, ...).  Objects do not track flags: run
# `make clean' when DEBUG changes.
KCFLAGS += $(foreach c,$(DEBUG),-DDBG_$(c)=1)
# The lock-order checker (threads/synch.h) is on unless LOCK_RANKS=0.
LOCK_RANKS ?= 1
ifneq ($(LOCK_RANKS),0)
KCFLAGS += -DLOCK_RANKS
endif
KASFLAGS := -I. -g
KLDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments

# User programs: the flags of pintos-abi.md section 4.5.
UCFLAGS := -std=gnu11 -O1 -g -ffreestanding -nostdinc -isystem $(GCC_INC) \
           -Ilib -Ilib/user -msoft-float -mno-sse -mno-red-zone \
           -mcmodel=large -fno-pic -fno-pie -fno-plt -fno-stack-protector \
           -fno-omit-frame-pointer -fcommon -fno-asynchronous-unwind-tables \
           -Wall -Wextra -Wno-unused-parameter -Werror=return-type
ULDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack \
            --no-warn-rwx-segments -T lib/user/user.lds

# Host builds (unit tests, disk tool): sanitizers on.
HCFLAGS := -std=gnu11 -O1 -g -fno-omit-frame-pointer \
           -fsanitize=address,undefined -fno-sanitize-recover=undefined \
           -Wall -Wextra -Werror -Wno-unused-parameter -I.

# Filled in by the module.mk files.
KERNEL_SRCS :=   # kernel-only sources (.c, .S)
LIB_SRCS :=      # lib/*.c: built into both the kernel and the user library
KLIB_SRCS :=     # lib/kernel/*.c: kernel only (also hosted for unit tests)
ULIB_SRCS :=     # lib/user/*.c and .S: user library only
USER_PROGS :=    # user/NAME -> $(B)/user/NAME
TEST_PROGS :=    # tests/SUITE/NAME -> $(B)/tests/SUITE/NAME
TESTLIB_SRCS :=  # helpers linked into every test program
ALL_TARGETS :=   # extra things `make' builds
CLEAN_EXTRA :=

# Names the module.mk files may use in their rules' prerequisites (made
# with `=', so they see every module included before them).
ULIB := $(B)/user/libpagoda.a
USER_BINS = $(patsubst user/%,$(B)/bin/%,$(USER_PROGS))
TEST_BINS = $(patsubst tests/%,$(B)/tests/%,$(TEST_PROGS))

MODULES := arch/x86_64 threads mm devices lib lib/kernel lib/user filesys \
           userprog vm user tests tests/kthreads tests/userprog tests/vm \
           tests/filesys tests/kfs tests/unit tests/trace tools bench
-include $(addsuffix /module.mk,$(MODULES))

# Intermediate objects are kept (no rebuilds after a successful link).
.SECONDARY:

# ---------------------------------------------------------------- kernel
# `make TRACE=1' builds the call-flow kernel into build/trace/ (beside the
# ordinary one): every function records its entry and exit for the flow
# printer (docs/tracing.md), except the recorder itself and what it calls.
# `make NOTRACE=1' builds build/notrace/ with the trace points compiled
# out, for `make bench' to measure their cost when off.
ifneq ($(TRACE),)
KB := $(B)/trace
KCFLAGS += -DTRACE_FLOW -finstrument-functions \
  -finstrument-functions-exclude-file-list=devices/trace.c,lib/string.c,arch/x86_64/cpu.h
else ifneq ($(NOTRACE),)
KB := $(B)/notrace
KCFLAGS += -DTRACE_COMPILED_OUT
else
KB := $(B)
endif
KOBJS := $(patsubst %,$(KB)/kernel/%.o,$(basename $(KERNEL_SRCS) $(LIB_SRCS) $(KLIB_SRCS)))
KERNEL_LDS := arch/x86_64/boot/kernel.lds

$(KB)/kernel/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) $(DEPFLAGS) -c $< -o $@

$(KB)/kernel/%.o: %.S
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) $(DEPFLAGS) -c $< -o $@

$(KB)/kernel.elf: $(KOBJS) $(KERNEL_LDS)
	$(LD) $(KLDFLAGS) -T $(KERNEL_LDS) -o $@ $(KOBJS)

# QEMU's Multiboot loader takes the flat image (the header's load
# addresses describe it); gdb and the backtrace tool use kernel.elf.
$(KB)/kernel.bin: $(KB)/kernel.elf
	$(OBJCOPY) -O binary $< $@

$(KB)/kernel.sym: $(KB)/kernel.elf
	nm -n $< > $@

$(KB)/kernel.asm: $(KB)/kernel.elf
	objdump -d -M intel --no-show-raw-insn $< > $@

kernel: $(KB)/kernel.bin $(KB)/kernel.sym $(KB)/kernel.asm

# The kernel of `tools/pagoda pintos': this kernel plus a Pintos tree's
# in-kernel tests.  The tool gives PINTOS_DIR (build/pintos/NAME, holding
# `tree', a link to the tree, `include/tests', a link to its tests/, and
# ksrcs.txt, the list below) and PINTOS_KSRCS (tree-relative sources of
# its tests/threads).  They build as the kernel does, with their
# "tests/..." includes taken from the tree, but without -Werror: they hold
# int/pointer casts that are fine at run time.  Their debug information
# names the tree's own files (so an editor's breakpoints there match).
ifdef PINTOS_DIR
PINTOS_KOBJS := $(patsubst %.c,$(PINTOS_DIR)/kernel/%.o,$(PINTOS_KSRCS))

$(PINTOS_DIR)/kernel/%.o: $(PINTOS_DIR)/tree/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(filter-out -Werror,$(KCFLAGS)) -iquote $(PINTOS_DIR)/include \
	    -fdebug-prefix-map=$(PINTOS_DIR)/tree=$(realpath $(PINTOS_DIR)/tree) \
	    $(DEPFLAGS) -c $< -o $@

$(PINTOS_DIR)/kernel.elf: $(KOBJS) $(PINTOS_KOBJS) $(KERNEL_LDS) \
                          $(PINTOS_DIR)/ksrcs.txt
	$(LD) $(KLDFLAGS) -T $(KERNEL_LDS) -o $@ $(KOBJS) $(PINTOS_KOBJS)

$(PINTOS_DIR)/kernel.bin: $(PINTOS_DIR)/kernel.elf
	$(OBJCOPY) -O binary $< $@

.PHONY: pintos-kernel
pintos-kernel: $(PINTOS_DIR)/kernel.bin
endif

# ---------------------------------------------------------- user space
UOBJS_LIB := $(patsubst %,$(B)/user/%.o,$(basename $(LIB_SRCS) $(ULIB_SRCS)))

$(B)/user/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  UCC     $<")
	$(Q)$(CC) $(UCFLAGS) $(DEPFLAGS) -c $< -o $@

$(B)/user/%.o: %.S
	@mkdir -p $(@D)
	@$(if $(Q),echo "  UCC     $<")
	$(Q)$(CC) $(UCFLAGS) $(DEPFLAGS) -c $< -o $@

$(ULIB): $(UOBJS_LIB)
	@rm -f $@
	ar rcs $@ $^

TESTLIB_OBJS := $(patsubst %,$(B)/user/%.o,$(basename $(TESTLIB_SRCS)))

$(B)/bin/%: $(B)/user/user/%.o $(ULIB) lib/user/user.lds
	@mkdir -p $(@D)
	$(LD) $(ULDFLAGS) -o $@ $< $(ULIB)

$(B)/tests/%: $(B)/user/tests/%.o $(TESTLIB_OBJS) $(ULIB) lib/user/user.lds
	@mkdir -p $(@D)
	$(LD) $(ULDFLAGS) -o $@ $< $(TESTLIB_OBJS) $(ULIB)


user: $(ULIB) $(USER_BINS) $(TEST_BINS)

# ------------------------------------------------------------- targets
.PHONY: all kernel user deps run check unit debug bench iso clean format format-check \
        fuzz fuzz-user pintos-fixture-check debug-serve

all: kernel user $(ALL_TARGETS)

# Stage 1 has run tools/install-deps before any of these; `make deps' runs
# it alone.
deps:
	@tools/install-deps

run: all
	$(PYTHON) tools/pagoda run $(if $(SMP),--smp $(SMP)) $(RUNARGS)

# Everything CI checks, in the one command the README gives: the build,
# the host unit tests, the formatting, the kernel tests, the Pintos
# fixture tree through `tools/pagoda pintos', then the host-side trace
# tests (tests/trace/module.mk).  The QEMU suites and the trace tests
# always both run, and either failing fails the check.
check: all unit format-check trace-kernel
	$(if $(TESTS),,@$(MAKE) --no-print-directory pintos-fixture-check)
	@status=0; \
	$(PYTHON) tools/pagoda test --jobs $(or $(JOBS),2) \
	    $(if $(REPEAT),--repeat $(REPEAT)) $(if $(TRACE_VM),--trace-vm) \
	    $(if $(VM_POLICY),--vm-policy $(VM_POLICY)) $(if $(SMP),--smp $(SMP)) \
	    $(if $(TESTS),"$(TESTS)") || status=1; \
	$(PYTHON) tests/trace/check-trace $(if $(TESTS),"$(TESTS)") || status=1; \
	exit $$status
	$(if $(TESTS)$(VM_POLICY)$(REPEAT)$(SMP),,@$(MAKE) --no-print-directory check-policies)
	$(if $(TESTS)$(VM_POLICY)$(REPEAT)$(SMP),,@$(MAKE) --no-print-directory check-smp)

# The whole QEMU suite once more at two CPUs (docs/smp.md; the tests whose
# expected output assumes one CPU run at one, their manifests say smp=1).
# Part of a full `make check'.
.PHONY: check-smp
check-smp: all
	$(PYTHON) tools/pagoda test --jobs $(or $(JOBS),2) --smp 2

# tools/pagoda pintos on our own Pintos-layout tree (tests/pintos-fixture):
# its vm project must pass every test, and each test of its broken project
# must be judged FAIL (so the judging is known to bite).  Part of a full
# `make check' (a step of its recipe, so that the make the tool runs
# inside never reads build/ while other prerequisites are still writing
# it); not of one with TESTS=.
PINTOS_FIXTURE := tests/pintos-fixture
PINTOS_BROKEN := tests/broken/wrong-sum tests/broken/spin tests/broken/no-checker
pintos-fixture-check: all
	$(PYTHON) tools/pagoda pintos --jobs $(or $(JOBS),2) $(PINTOS_FIXTURE)
	@out=$$($(PYTHON) tools/pagoda pintos --jobs $(or $(JOBS),2) \
	    --project broken $(PINTOS_FIXTURE) 2>&1); status=$$?; \
	echo "$$out" | grep -E '^(PASS|FAIL) |passed,'; \
	for t in $(PINTOS_BROKEN); do \
	  grep -q "^FAIL $$t " <<<"$$out" || \
	    { echo "pintos-fixture-check: $$t was not judged FAIL"; exit 1; }; \
	done; \
	[ $$status -eq 1 ] || \
	  { echo "pintos-fixture-check: exit status $$status, not 1"; exit 1; }; \
	echo "pintos-fixture-check: the broken tests were judged FAIL, as they must"

debug: all
	$(PYTHON) tools/pagoda debug $(TEST)

# The editor's half of `make debug' (.vscode/tasks.json): QEMU paused at
# kmain, waiting for a debugger to attach with build/debug/attach.gdb.
debug-serve: all
	$(PYTHON) tools/pagoda debug --serve $(TEST)

# Long fuzzing runs, not part of `make check': the mount path under
# libFuzzer (fuzz-fs, filesys/module.mk) and a million random system calls.
FUZZ_SEED ?= 7
FUZZ_CALLS ?= 1000000
FUZZ_WORKERS ?= 3
FUZZ_UL ?= 100
fuzz: fuzz-fs fuzz-user
fuzz-user: all
	$(PYTHON) tools/pagoda run --fs-disk=10 --swap-disk=4 --timeout 7200 \
	    --put $(B)/tests/userprog/fuzz-syscalls \
	    --put $(B)/tests/userprog/fuzz-argv --log $(B)/fuzz-user.log \
	    -- -q -ul=$(FUZZ_UL) \
	    run 'fuzz-syscalls $(FUZZ_SEED) $(FUZZ_CALLS) $(FUZZ_WORKERS)'
	@$(PYTHON) -c "import re, sys; \
	  m = dict(re.findall(r'^mem: (boot|halt) (.*)$$', \
	                      open('$(B)/fuzz-user.log').read(), re.M)); \
	  ok = 'boot' in m and m.get('boot') == m.get('halt'); \
	  print('leak check:', 'equal' if ok else 'DIFFERENT', m); \
	  sys.exit(0 if ok else 1)"

iso: $(B)/pagoda.iso

$(B)/pagoda.iso: $(B)/kernel.bin tools/grub.cfg
	@rm -rf $(B)/iso && mkdir -p $(B)/iso/boot/grub
	cp $(B)/kernel.bin $(B)/iso/boot/pagoda.bin
	cp tools/grub.cfg $(B)/iso/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(B)/iso 2>/dev/null

FORMAT_SRCS = $(shell git ls-files --cached --others --exclude-standard '*.c' '*.h')
format:
	@clang-format -i $(FORMAT_SRCS)
format-check:
	@clang-format --dry-run -Werror $(FORMAT_SRCS) && echo "format-check: clean"

# build/reports/ (each test run's report, docs/testing.md) survives: the
# reports of failed runs stay until deleted by hand (rm -r build/reports).
clean:
	@mkdir -p $(B)
	find $(B) -mindepth 1 -maxdepth 1 ! -name reports -exec rm -rf {} +
	rm -rf $(CLEAN_EXTRA)

-include $(shell find $(B) -name '*.d' 2>/dev/null)

endif  # stage 2
