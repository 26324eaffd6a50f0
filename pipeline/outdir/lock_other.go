//go:build !unix

package outdir

import "os"

// tryLock has no advisory locks to use here: the lock file only records
// the PID, without excluding a second run.
func tryLock(*os.File) (bool, error) { return true, nil }
