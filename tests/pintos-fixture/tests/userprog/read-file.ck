# -*- perl -*-
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(read-file) begin
(read-file) sample.txt: 76 bytes, 3 lines
(read-file) first line: Pagoda fixture sample: three lines of text.
(read-file) end
read-file: exit(0)
EOF
pass;
