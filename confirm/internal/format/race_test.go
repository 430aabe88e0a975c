//go:build race

package format

// raceBuild reports a -race build, where single-goroutine property tests
// run fewer cases: the race detector has nothing to find in them and
// makes each case ten times slower.
const raceBuild = true
