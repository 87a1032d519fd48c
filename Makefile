# SPDX-License-Identifier: MIT
# Pagoda: the one entry point.  Non-recursive: every folder adds its sources
# in a module.mk (one line of role per source); everything is built out of
# tree in build/.
#
#   make            kernel, user library, programs, default disk image
#   make run        boot into the shell (serial on this terminal; Ctrl-a x quits)
#   make check      every test (TESTS=glob to pick, REPEAT=N, JOBS=N,
#                   VM_POLICY=NAME), then the other replacement policies
#                   on the VM memory-pressure tests (check-policies)
#   make unit       host unit tests of lib/ and filesys/ (ASan + UBSan)
#   make debug      QEMU paused with a gdb stub, gdb attached (TEST=name)
#   make bench      benchmark table
#   make iso        GRUB rescue image that boots any PC
#   make format-check

.SUFFIXES:
.DEFAULT_GOAL := all
SHELL := /bin/bash
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
           userprog vm user tests tests/threads tests/userprog tests/vm \
           tests/filesys tests/kfs tests/unit tools bench
-include $(addsuffix /module.mk,$(MODULES))

# Intermediate objects are kept (no rebuilds after a successful link).
.SECONDARY:

# ---------------------------------------------------------------- kernel
KOBJS := $(patsubst %,$(B)/kernel/%.o,$(basename $(KERNEL_SRCS) $(LIB_SRCS) $(KLIB_SRCS)))
KERNEL_LDS := arch/x86_64/boot/kernel.lds

$(B)/kernel/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) $(DEPFLAGS) -c $< -o $@

$(B)/kernel/%.o: %.S
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) $(DEPFLAGS) -c $< -o $@

$(B)/kernel.elf: $(KOBJS) $(KERNEL_LDS)
	$(LD) $(KLDFLAGS) -T $(KERNEL_LDS) -o $@ $(KOBJS)

# QEMU's Multiboot loader takes the flat image (the header's load
# addresses describe it); gdb and the backtrace tool use kernel.elf.
$(B)/kernel.bin: $(B)/kernel.elf
	$(OBJCOPY) -O binary $< $@

$(B)/kernel.sym: $(B)/kernel.elf
	nm -n $< > $@

$(B)/kernel.asm: $(B)/kernel.elf
	objdump -d -M intel --no-show-raw-insn $< > $@

kernel: $(B)/kernel.bin $(B)/kernel.sym $(B)/kernel.asm

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
        fuzz fuzz-user

all: kernel user $(ALL_TARGETS)

deps:
	@tools/install-deps

run: deps all
	$(PYTHON) tools/pagoda run $(RUNARGS)

check: deps all unit
	$(PYTHON) tools/pagoda test --jobs $(or $(JOBS),2) \
	    $(if $(REPEAT),--repeat $(REPEAT)) $(if $(TESTS),"$(TESTS)") \
	    $(if $(VM_POLICY),--vm-policy $(VM_POLICY))
	$(if $(TESTS)$(VM_POLICY)$(REPEAT),,@$(MAKE) --no-print-directory check-policies)

debug: deps all
	$(PYTHON) tools/pagoda debug $(TEST)

# Long fuzzing runs, not part of `make check': the mount path under
# libFuzzer (fuzz-fs, filesys/module.mk) and a million random system calls.
FUZZ_SEED ?= 7
FUZZ_CALLS ?= 1000000
fuzz: fuzz-fs fuzz-user
fuzz-user: deps all
	$(PYTHON) tools/pagoda run --fs-disk=10 --swap-disk=4 --timeout 7200 \
	    --put $(B)/tests/userprog/fuzz-syscalls \
	    -- -q run 'fuzz-syscalls $(FUZZ_SEED) $(FUZZ_CALLS)'

iso: deps $(B)/pagoda.iso

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

clean:
	rm -rf $(B) $(CLEAN_EXTRA)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
