package main

import (
	"os"
	"runtime/debug"
)

// cliMemoryLimit is the soft memory limit the command sets for itself
// unless GOMEMLIMIT says otherwise. The worst inputs the limits accept
// (doc/limits.md), such as the PDF of a contract whose recorded text is a
// 4 MiB table, hold about 150 MiB live but leave garbage that took the
// process to 360 MiB; near this limit the garbage collector runs more
// often instead, which keeps any command below 256 MiB at the cost of
// time on those inputs only. It never makes a command fail.
const cliMemoryLimit = 192 << 20

func init() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(cliMemoryLimit)
	}
}
