# -*- perl -*-
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(spin) begin
(spin) end
spin: exit(0)
EOF
pass;
