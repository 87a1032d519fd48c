# SPDX-License-Identifier: MIT
# The fixture's checker module; every .ck starts with `use tests::tests'.
#
# tools/pagoda pintos runs a checker as
#     perl -I TREE TREE/tests/DIR/NAME.ck tests/DIR/NAME tests/DIR/NAME.result
# in the directory that holds tests/DIR/NAME.output (the console).  The
# checker ends in pass or fail, which write PASS or FAIL, then the
# reasons, to the result file, print `pass TEST' or `FAIL TEST', and exit.
use strict;
use warnings;

our ($test, $result_file) = @ARGV;
die "usage: perl -I TREE CHECKER TEST [RESULT]\n" unless defined $test;
$result_file = "$test.result" unless defined $result_file;

sub finish {
    my ($verdict, @why) = @_;
    open(my $fh, '>', $result_file) or die "$result_file: $!\n";
    print $fh "$verdict\n", map { "$_\n" } @why;
    close $fh;
    print +($verdict eq 'PASS' ? 'pass' : 'FAIL'), " $test\n";
    print map { "$_\n" } @why;
    exit 0;
}

sub pass { finish('PASS', @_); }
sub fail { finish('FAIL', map { split /\n/ } @_); }

sub read_text_file {
    my ($name) = @_;
    open(my $fh, '<', $name) or fail("cannot read $name: $!");
    my @lines = <$fh>;
    close $fh;
    chomp @lines;
    return @lines;
}

# What every run must show, whatever its test printed.
sub check_run {
    my (@out) = @_;
    fail("the run printed nothing") unless @out;
    my ($panic) = grep { /PANIC/ } @out;
    fail("kernel panic: " . substr($panic, index($panic, 'PANIC'))) if $panic;
    for my $word ('FAIL', 'TIMEOUT') {
        my ($line) = grep { /$word/ } @out;
        fail("the output says $word: $line") if defined $line;
    }
    my $boots = grep { /Pintos booting with/ } @out;
    fail("no `Pintos booting with' line") if $boots == 0;
    fail("the machine booted $boots times") if $boots > 1;
    fail("no `Boot complete.' line") unless grep { /^Boot complete\.$/ } @out;
    fail("no `Timer: N ticks' line") unless grep { /^Timer: \d+ ticks$/ } @out;
    fail("no `Powering off...' line") unless grep { /^Powering off\.\.\.$/ } @out;
}

# The lines between `Executing 'TASK':' and `Execution of 'TASK' complete.'.
sub run_window {
    my (@out) = @_;
    my ($first, $task);
    for my $i (0 .. $#out) {
        next unless $out[$i] =~ /^Executing '(.*)':$/;
        ($first, $task) = ($i + 1, $1);
        last;
    }
    fail("no `Executing' line: nothing ran") unless defined $first;
    for my $i ($first .. $#out) {
        return @out[$first .. $i - 1]
          if $out[$i] eq "Execution of '$task' complete.";
    }
    fail("`$task' started but never completed");
}

# check_expected ([OPTION => 1, ...,] [FORM, ...]): the run's window must
# equal one of the FORMs (each a string of lines; a hash's values count as
# the forms too).  IGNORE_EXIT_CODES drops `NAME: exit(N)' lines first.
sub check_expected {
    my $forms = pop @_;
    my %option = @_;
    my @out = read_text_file("$test.output");
    check_run(@out);
    my @got = run_window(@out);
    @got = grep { !/^[\w.-]+: exit\(-?\d+\)$/ } @got
      if delete $option{IGNORE_EXIT_CODES};
    die "check_expected: unknown option " . join(' ', keys %option) . "\n"
      if %option;
    my @forms = ref $forms eq 'HASH' ? values %$forms : @$forms;
    my @report;
    for my $form (@forms) {
        my @want = split /\n/, $form;
        return if @want == @got && !grep { $want[$_] ne $got[$_] } 0 .. $#want;
        push @report, "expected:", map { "  $_" } @want;
    }
    fail("the output matches no expected form", @report, "actual:",
         map { "  $_" } @got);
}

1;
