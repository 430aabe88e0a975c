package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A full disk while keygen writes the public key leaves no private key
// behind, and a rerun succeeds.
func TestKeygenSecondWriteFails(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "alice")
	writeKeyFile = func(path string, data []byte, perm fs.FileMode) error {
		if strings.HasSuffix(path, ".pub") {
			return &fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}
		}
		return os.WriteFile(path, data, perm)
	}
	code, _, stderr := tp(t, "keygen", "-o", name)
	writeKeyFile = defaultWriteKeyFile
	if code != exitFailure || !strings.Contains(stderr, "no space left") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{name + ".key", name + ".pub"} {
		if _, err := os.Stat(f); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s left behind: %v", f, err)
		}
	}
	mustTP(t, exitOK, "keygen", "-o", name)
}

var defaultWriteKeyFile = writeKeyFile
