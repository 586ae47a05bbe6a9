//go:build !linux

package kgtest

import "time"

var started = time.Now()

// ThreadCPUTime falls back to wall time outside Linux, which has no
// per-thread CPU clock here.
func ThreadCPUTime() time.Duration { return time.Since(started) }
