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
