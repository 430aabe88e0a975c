package main

import (
	"fmt"
	"io"
	"os"
)

// maxInputSize is the largest file a command reads: above the largest
// contract file or PDF a deal within the library's limits makes (terms of
// at most agreement.MaxSize, recorded text of at most
// render.MaxMarkdownSize per revision), far below what would exhaust a
// machine. Each kind of input has its own, smaller limit, checked when it
// is parsed; doc/limits.md lists them.
const maxInputSize = 64 << 20

// readInput reads the file at path, refusing one over maxInputSize without
// reading it: by its size when it is a regular file, and by reading no
// more than one byte past the limit otherwise (a pipe, a device).
func readInput(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxInputSize {
		return nil, tooLarge(path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxInputSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInputSize {
		return nil, tooLarge(path)
	}
	return data, nil
}

func tooLarge(path string) error {
	return fmt.Errorf("%s is larger than %d MiB, more than any terms, contract file or PDF tradepact makes; it is not read", path, maxInputSize>>20)
}
