//go:build !race

package format

// raceBuild reports a -race build (see race_test.go).
const raceBuild = false
