package cue

import "flag"

// update rewrites the generated fold table (t2sfold_gen.go) from the
// module's OpenCC data.
var update = flag.Bool("update", false, "rewrite the generated traditional-to-simplified fold table")
