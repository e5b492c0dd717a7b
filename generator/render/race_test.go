//go:build race

package render_test

// raceFactor is how much slower code runs under the race detector.
const raceFactor = 10
