package mojibake

import "flag"

// update rewrites the decoder oracle (testdata/mojibake/decoders) from
// python3 and iconv on this machine; see decoders_test.go.
var update = flag.Bool("update", false, "rewrite the decoder oracle from python3 and iconv")
