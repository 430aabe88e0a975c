//go:build linux

package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// openAnon opens an unnamed file in dir (O_TMPFILE), with perm less the
// umask: until it is linked it has no name, so a process killed while it
// writes (SIGKILL, which cannot be caught) leaves nothing behind. It fails
// where the file system or kernel lacks O_TMPFILE; the caller then uses a
// named temporary file.
func openAnon(dir string, perm fs.FileMode) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), filepath.Join(dir, "(unnamed)")), nil
}

// linkAnon gives the unnamed file f the name tmp, through /proc.
func linkAnon(f *os.File, tmp string) error {
	return unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(f.Fd())), unix.AT_FDCWD, tmp, unix.AT_SYMLINK_FOLLOW)
}
