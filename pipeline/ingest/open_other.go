//go:build !unix

package ingest

import (
	"context"
	"os"
)

func openFile(path string) (*os.File, error) { return os.Open(path) }

func openCancellable(_ context.Context, path string) (*os.File, error) { return os.Open(path) }
