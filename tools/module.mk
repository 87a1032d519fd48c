# SPDX-License-Identifier: MIT
# tools: the launcher and test runner (pagoda, pagoda_lib/), the call-stack
# symboliser (backtrace), gdb support (gdbinit), dependency check
# (install-deps) and the GRUB menu of `make iso' (grub.cfg).

# `make run' boots the default disk image into the shell on this terminal;
# override with e.g. make run RUNARGS='--fs-disk=2 -- -q run alarm-multiple'.
RUNARGS ?= --interactive --fs-image $(B)/disk.img --swap-disk=4 -- run shell

# The default disk image: a 10-unit file system holding every user program.
# Built only once the file-system module defines HOST_DISK_TOOL (the host
# tool build/host/pagoda-disk that writes the on-disk format).
DISK_IMG_UNITS := 10
# A few test programs to try from the shell (e.g. `args-many a b c').
DISK_IMG_EXTRA = $(B)/tests/userprog/args-many $(B)/tests/userprog/fork-basic

$(B)/disk.img: $(USER_BINS) $(DISK_IMG_EXTRA) $(HOST_DISK_TOOL) tools/pagoda
	@$(if $(Q),echo "  DISK    $@")
	$(Q)rm -f $@.tmp
	$(Q)PAGODA_DISK=$(HOST_DISK_TOOL) $(PYTHON) tools/pagoda disk $@.tmp \
	    format --size $(DISK_IMG_UNITS)
	$(Q)PAGODA_DISK=$(HOST_DISK_TOOL) $(PYTHON) tools/pagoda disk $@.tmp \
	    put $(USER_BINS) $(DISK_IMG_EXTRA)
	$(Q)mv $@.tmp $@

ALL_TARGETS += $(if $(HOST_DISK_TOOL),$(B)/disk.img)

# `make unit' also runs the tests of `pagoda opt' (OPT, LRU and FIFO on
# textbook strings, the reduction of bench/refs): tools/pagoda_lib/test_opt.py.
unit: unit-tools
.PHONY: unit-tools
unit-tools: $(B)/bench/refs
	@echo "== tools/pagoda_lib/test_opt.py"
	$(Q)PYTHONPATH=tools $(PYTHON) -m unittest pagoda_lib.test_opt

# The replacement policies other than the default each run the whole VM
# suite (docs/testing.md): part of `make check' unless TESTS, VM_POLICY or
# REPEAT asks for a particular run.
POLICY_CHECK := clock fifo second aging random
POLICY_TESTS := 'vm/*'
.PHONY: check-policies
check-policies: all
	@failed=; for p in $(POLICY_CHECK); do \
	  echo "== the VM suite with -vm-policy=$$p"; \
	  $(PYTHON) tools/pagoda test --jobs $(or $(JOBS),2) --vm-policy $$p \
	      $(POLICY_TESTS) || failed="$$failed $$p"; \
	done; \
	if [ -n "$$failed" ]; then echo "check-policies: FAILED:$$failed"; exit 1; fi; \
	echo "check-policies: $(words $(POLICY_CHECK)) policies passed"
