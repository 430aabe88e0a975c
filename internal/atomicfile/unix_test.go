//go:build unix

package atomicfile

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Files keep the user's umask: 0644 asked under umask 077 is 0600.
func TestUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	name := filepath.Join(t.TempDir(), "out.txt")
	if err := Write(name, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v under umask 077, want 0600", st.Mode().Perm())
	}
}

// The helper process of TestSignalRemovesTemporaryFile: it starts a
// write, says so, and waits to be signalled.
func TestHelperWriteAndWait(t *testing.T) {
	dir := os.Getenv("ATOMICFILE_HELPER_DIR")
	if dir == "" {
		t.Skip("helper process only")
	}
	write := WriteFile
	if os.Getenv("ATOMICFILE_HELPER_NAMED") == "1" {
		write = WriteFileNamed
	}
	write(filepath.Join(dir, "out.pdf"), 0o644, func(f *os.File) error {
		f.Write([]byte("half a PDF"))
		os.Stdout.WriteString("writing\n")
		time.Sleep(time.Minute)
		return nil
	})
	t.Fatal("not signalled")
}

// SIGINT or SIGTERM during a write leaves neither the file nor the
// temporary file, and still ends the process, with a named temporary file
// as with an unnamed one (Linux).
func TestSignalRemovesTemporaryFile(t *testing.T) {
	for _, tc := range []struct {
		sig   syscall.Signal
		named string
	}{{syscall.SIGINT, "1"}, {syscall.SIGTERM, "1"}, {syscall.SIGINT, "0"}, {syscall.SIGTERM, "0"}} {
		sig := tc.sig
		t.Run(sig.String()+"/named="+tc.named, func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriteAndWait$")
			cmd.Env = append(os.Environ(), "ATOMICFILE_HELPER_DIR="+dir, "ATOMICFILE_HELPER_NAMED="+tc.named)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, _ := bufio.NewReader(out).ReadString('\n')
			if line != "writing\n" {
				cmd.Process.Kill()
				t.Fatalf("helper said %q", line)
			}
			ents, _ := os.ReadDir(dir)
			if tc.named == "1" && (len(ents) != 1 || !strings.Contains(ents[0].Name(), ".tmp-")) || len(ents) > 1 {
				t.Fatalf("during the write: %v", ents)
			}
			cmd.Process.Signal(sig)
			err = cmd.Wait()
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("the helper did not end by %v: %v", sig, err)
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 0 {
				t.Fatalf("left behind: %v", ents)
			}
		})
	}
}

// Lock serialises read-modify-write updates: goroutines standing for
// processes (each opens the lock file itself, as a process would) append
// to one file, and no update is lost.
func TestLockSerialises(t *testing.T) {
	name := filepath.Join(t.TempDir(), "count.txt")
	if err := Write(name, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unlock, err := Lock(name, 10*time.Second)
			if err != nil {
				t.Error(err)
				return
			}
			defer unlock()
			b, _ := os.ReadFile(name)
			if err := Write(name, append(b, 'x'), 0o644); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if b, _ := os.ReadFile(name); len(b) != 20 {
		t.Fatalf("%d updates kept of 20", len(b))
	}
	unlock, err := Lock(name, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(name, 20*time.Millisecond); err == nil || !strings.Contains(err.Error(), "another process is writing") {
		t.Fatalf("second lock: %v", err)
	}
	unlock()
}

// SIGKILL cannot be caught, yet on Linux a write it interrupts leaves
// nothing behind: the data goes to an unnamed file (O_TMPFILE) until it is
// complete (issue 10: SIGKILL during render left empty .tmp-* files).
func TestKillLeavesNothing(t *testing.T) {
	if _, err := openAnon(t.TempDir(), 0o600); err != nil {
		t.Skipf("no unnamed temporary files here: %v", err)
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriteAndWait$")
	cmd.Env = append(os.Environ(), "ATOMICFILE_HELPER_DIR="+dir, "ATOMICFILE_HELPER_NAMED=0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "writing\n" {
		cmd.Process.Kill()
		t.Fatalf("helper said %q", line)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Fatalf("left behind: %v", ents)
	}
}
