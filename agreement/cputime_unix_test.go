//go:build unix

package agreement_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) this process has used:
// what linearity tests compare, as wall time on a shared machine depends
// on its other work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
