# SPDX-License-Identifier: MIT
# tests/trace: host-side tests of the trace tools, run by `make check'
# after the QEMU suites: the HTML report in headless Chromium and the
# call-flow printer on the flow kernel (docs/tracing.md).
#   make trace TEST=suite/name     HTML report of one traced run; prints its path
#   make flow [TEST=..] [EVENT=zero|file|swapin|stack|cow|exec|fork]
#   make trace-check               only these tests

TRACE_KERNEL_BIN := $(B)/trace/kernel.bin

.PHONY: trace flow trace-kernel trace-check
trace-kernel:
	@$(MAKE) --no-print-directory TRACE=1 kernel

trace: deps all
	@$(PYTHON) tools/pagoda trace $(or $(TEST),vm/page-linear)

flow: deps all trace-kernel
	@$(PYTHON) tools/pagoda flow --icount $(if $(EVENT),--event $(EVENT)) \
	    $(or $(TEST),vm/page-linear)

trace-check: deps all trace-kernel
	$(PYTHON) tests/trace/check-trace $(if $(TESTS),"$(TESTS)")
