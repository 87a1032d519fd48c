# -*- perl -*-
use strict;
use warnings;
use tests::tests;

# The per-test MEMORY of Make.tests must have reached the machine.
my ($kb) = map { /booting with (\d+) kB/ ? $1 : () }
  read_text_file ("$main::test.output");
fail "no memory size in the banner" unless defined $kb;
fail "booted with $kb kB; Make.tests asks for 10 MB" if $kb > 12 * 1024;

check_expected ([<<'EOF']);
(bss-walk) begin
(bss-walk) 2048 of 2048 pages read back intact
(bss-walk) end
bss-walk: exit(0)
EOF
pass;
