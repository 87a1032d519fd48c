# -*- perl -*-
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(args) begin
(args) argc = 4
(args) argv[0] = 'args-words'
(args) argv[1] = 'first'
(args) argv[2] = 'second!'
(args) argv[3] = 'third'
(args) argv[4] = null
(args) end
args-words: exit(0)
EOF
pass;
