package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ErrLocked is returned by [Lock] when another process holds the lock for
// longer than the wait allows.
var ErrLocked = errors.New("another process is writing this file")

// Lock takes an exclusive lock for updating name, waiting up to wait for
// another process to release it, and returns the function that releases
// it. The lock is on a sidecar file ".NAME.lock" beside name, not on name
// itself: [WriteFile] replaces name with a new file, so a lock on name
// would protect an inode that is no longer there. A caller that reads
// name, changes it and writes it back holds the lock from before it reads
// the current content (or checks, under the lock, that the content is
// still what it read) until the write is done; a second process then waits
// and sees the first one's result. The lock ends with the process, even
// if it is killed.
func Lock(name string, wait time.Duration) (unlock func(), err error) {
	dir, base := filepath.Split(name)
	path := filepath.Join(dir, "."+base+".lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	deadline := time.Now().Add(wait)
	for delay := time.Millisecond; ; delay = min(2*delay, 50*time.Millisecond) {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", name, err)
		}
		if ok {
			return func() { unlockFile(f); f.Close() }, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%s: %w (waited %v; its lock is %s)", name, ErrLocked, wait, path)
		}
		time.Sleep(delay)
	}
}
