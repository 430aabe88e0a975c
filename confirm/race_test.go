//go:build race

package confirm_test

const raceEnabled = true
