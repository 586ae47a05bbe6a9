//go:build !unix

package kgtest

import "time"

// CPUTime returns 0 where the process's CPU time is not available; callers
// skip CPU-time metrics then.
func CPUTime() time.Duration { return 0 }
