// Package atomicfile writes files so that readers see either the old content
// or the complete new content, never a half-written file.
package atomicfile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes the bytes that write produces to name atomically: they go
// to a temporary file in the same directory, which is synced and renamed over
// name only if write and every file operation succeeded. On failure name is
// left as it was and the temporary file is removed.
func WriteFile(name string, perm fs.FileMode, write func(f *os.File) error) (err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, name); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}

// Write writes data to name atomically with [WriteFile].
func Write(name string, data []byte, perm fs.FileMode) error {
	return WriteFile(name, perm, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}
