//go:build !linux

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
)

var errNoAnon = errors.New("no unnamed temporary files here")

func openAnon(dir string, perm fs.FileMode) (*os.File, error) { return nil, errNoAnon }

func linkAnon(f *os.File, tmp string) error { return errNoAnon }
