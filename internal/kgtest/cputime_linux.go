//go:build linux

package kgtest

import "time"

// rusageThread is Linux's RUSAGE_THREAD, which package syscall does not name.
const rusageThread = 1

// ThreadCPUTime returns the CPU time of the calling OS thread; lock the
// goroutine to its thread (runtime.LockOSThread) around what it measures.
func ThreadCPUTime() time.Duration { return rusage(rusageThread) }
