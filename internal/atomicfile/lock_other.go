//go:build !unix

package atomicfile

import (
	"errors"
	"os"
)

// tryLock has no flock here: it creates a second sidecar file exclusively,
// which a process that dies while holding it leaves behind (the ErrLocked
// message names the lock file to delete then).
func tryLock(f *os.File) (bool, error) {
	g, err := os.OpenFile(f.Name()+"ed", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
	if errors.Is(err, os.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, g.Close()
}

func unlockFile(f *os.File) { os.Remove(f.Name() + "ed") }
