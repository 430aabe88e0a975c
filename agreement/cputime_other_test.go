//go:build !unix

package agreement_test

import "time"

var start = time.Now()

// cpuTime returns the wall time since the tests started where no CPU
// time is at hand.
func cpuTime() time.Duration { return time.Since(start) }
