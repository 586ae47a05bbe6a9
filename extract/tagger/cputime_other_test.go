//go:build !linux

package tagger

import "time"

var start = time.Now()

// cpuTime is not measured outside Linux.
func cpuTime() time.Duration { return 0 }

// threadCPU falls back to wall time outside Linux.
func threadCPU() time.Duration { return time.Since(start) }
