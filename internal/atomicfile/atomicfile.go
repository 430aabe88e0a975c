// Package atomicfile writes files so that readers see either the old content
// or the complete new content, never a half-written file, and serialises
// read-modify-write updates of one file between processes ([Lock]).
//
// What is left behind: on Linux a write in progress goes to an unnamed
// file (O_TMPFILE) that gets the name ".NAME.tmp-NNNN" only once written
// and synced, for the instant before it is renamed to NAME, so even a
// process killed by SIGKILL while writing leaves nothing. Elsewhere (or
// where the file system lacks O_TMPFILE) the temporary file is named from
// the start. It is removed when the write fails, and when the process gets
// SIGINT or SIGTERM during the write (the signal is then delivered again
// with its default action, so the process still ends). SIGKILL, a power
// cut or a kernel crash cannot be caught: a named temporary file stays,
// hidden, and NAME keeps its old content; delete ".NAME.tmp-*" by hand. [Lock] leaves its ".NAME.lock" file on purpose
// (removing a lock file while another process waits on it breaks the
// lock); it holds nothing.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// WriteFile writes the bytes that write produces to name atomically: they go
// to a temporary file in the same directory, which is synced and renamed over
// name only if write and every file operation succeeded. On failure name is
// left as it was and the temporary file is removed. The file is created
// with perm less the process's umask, as os.Create does.
func WriteFile(name string, perm fs.FileMode, write func(f *os.File) error) (err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	if f, err := openAnon(dir, perm); err == nil {
		return writeAnon(f, dir, base, name, write)
	}
	return WriteFileNamed(name, perm, write)
}

// WriteFileNamed is [WriteFile] through a named temporary file
// ".NAME.tmp-NNNN", which a process killed while writing leaves behind.
// WriteFile uses it where the system has no unnamed temporary files.
func WriteFileNamed(name string, perm fs.FileMode, write func(f *os.File) error) (err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	f, tmp, err := createTemp(dir, base, perm)
	if err != nil {
		// The temporary name means nothing to the caller: name the file
		// asked for and the cause.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &fs.PathError{Op: "write", Path: name, Err: err}
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
		untrack(tmp)
	}()
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

// writeAnon is WriteFile through an unnamed file (Linux's O_TMPFILE): it
// gets a temporary name only once written and synced, just before the
// rename, so a process killed while writing leaves nothing. If it cannot
// be linked (no /proc), its content is copied to a named temporary file.
func writeAnon(f *os.File, dir, base, name string, write func(f *os.File) error) (err error) {
	defer f.Close()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	for range 100 {
		tmp := filepath.Join(dir, "."+base+".tmp-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		track(tmp)
		err = linkAnon(f, tmp)
		if errors.Is(err, fs.ErrExist) {
			untrack(tmp)
			continue
		}
		if err != nil {
			untrack(tmp)
			break
		}
		err = os.Rename(tmp, name)
		if err != nil {
			os.Remove(tmp)
		}
		untrack(tmp)
		if err != nil {
			var le *os.LinkError
			if errors.As(err, &le) {
				err = le.Err
			}
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		return nil
	}
	// Not linkable: copy what was written.
	if _, err = f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	return WriteFileNamed(name, st.Mode().Perm(), func(g *os.File) error {
		_, err := io.Copy(g, f)
		return err
	})
}

// Write writes data to name atomically with [WriteFile].
func Write(name string, data []byte, perm fs.FileMode) error {
	return WriteFile(name, perm, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// createTemp creates a new file ".BASE.tmp-NNNN" in dir with perm (the
// kernel applies the umask, which os.CreateTemp's 0600 and a later Chmod
// would not) and registers it for removal on SIGINT and SIGTERM.
func createTemp(dir, base string, perm fs.FileMode) (*os.File, string, error) {
	for range 100 {
		tmp := filepath.Join(dir, "."+base+".tmp-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		track(tmp)
		f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			return f, tmp, nil
		}
		untrack(tmp)
		if !errors.Is(err, fs.ErrExist) {
			return nil, "", err
		}
	}
	return nil, "", errors.New("cannot find a free temporary file name")
}

// The temporary files being written, removed on SIGINT or SIGTERM.
var (
	mu      sync.Mutex
	pending = map[string]bool{}
	watch   sync.Once
)

func track(tmp string) {
	mu.Lock()
	pending[tmp] = true
	mu.Unlock()
	watch.Do(func() {
		// A signal the process ignores (nohup, a background job) stays
		// ignored: it would not have ended the process.
		var sigs []os.Signal
		for _, s := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
			if !signal.Ignored(s) {
				sigs = append(sigs, s)
			}
		}
		if len(sigs) == 0 {
			return
		}
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, sigs...)
		go func() {
			sig := <-ch
			mu.Lock() // held until the process ends: no new temporary file
			for p := range pending {
				os.Remove(p)
			}
			// End as the signal would have ended the process.
			signal.Reset(sigs...)
			if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
				time.Sleep(time.Second) // the signal ends the process first
			}
			os.Exit(130)
		}()
	})
}

func untrack(tmp string) {
	mu.Lock()
	delete(pending, tmp)
	mu.Unlock()
}
