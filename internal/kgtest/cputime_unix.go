//go:build unix

package kgtest

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time the process has used, user and system. On a
// shared machine benchmarks divide work by it to tell the speed of one core,
// which wall time undercounts when other processes compete.
func CPUTime() time.Duration { return rusage(syscall.RUSAGE_SELF) }

func rusage(who int) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
