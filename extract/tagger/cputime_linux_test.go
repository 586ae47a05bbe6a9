package tagger

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, so that benchmarks on
// a crowded machine can report speed per CPU second as well as per second.
func cpuTime() time.Duration { return rusage(syscall.RUSAGE_SELF) }

// threadCPU returns the CPU time of the calling OS thread (lock it first).
func threadCPU() time.Duration { return rusage(1) } // RUSAGE_THREAD

func rusage(who int) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
