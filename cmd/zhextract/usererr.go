package main

import "regexp"

// Outputs are written under hidden temporary names beside their final
// names (".NAME.tmp-RANDOM", verify's ".golden-RANDOM.tmp") and renamed when
// complete. An error about one must name the file the user asked for.
var (
	tempBeside = regexp.MustCompile(`((?:[^\s:"]*/)?)\.([^/\s:"]+?)\.tmp-[0-9a-z]+`)
	goldenTemp = regexp.MustCompile(`/?\.golden-[0-9]+\.tmp`)
)

// userPaths rewrites the temporary file names in an error message to the
// names the user gave: "open out/.r.html.tmp-x1: …" becomes "open out/r.html: …".
func userPaths(msg string) string {
	msg = tempBeside.ReplaceAllString(msg, "${1}${2}")
	return goldenTemp.ReplaceAllString(msg, "")
}
