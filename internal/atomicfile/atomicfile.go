// Package atomicfile writes files so that readers see either the old content
// or the complete new content, never a half-written file.
package atomicfile

import (
	"errors"
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
		// The temporary name means nothing to the caller: name the file
		// asked for and the cause.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &fs.PathError{Op: "write", Path: name, Err: err}
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
		var le *os.LinkError
		if errors.As(err, &le) {
			err = le.Err
		}
		return &fs.PathError{Op: "write", Path: name, Err: err}
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
