package main

import (
	"fmt"
	"time"
)

// progress draws one status line on stderr while a long command runs, only
// when stderr is a terminal. The zero of its methods is safe on nil.
type progress struct {
	e     *env
	label string
	start time.Time
	last  time.Time
	drawn bool
}

// progressEvery is how often the line is redrawn at most.
const progressEvery = 100 * time.Millisecond

// newProgress returns a progress line, or nil when stderr is not a terminal.
func newProgress(e *env, label string) *progress {
	if !e.terminal {
		return nil
	}
	return &progress{e: e, label: label, start: time.Now()}
}

// update redraws the line with the counts so far, at most every progressEvery.
func (p *progress) update(docs, failed int) {
	if p == nil || time.Since(p.last) < progressEvery {
		return
	}
	p.last = time.Now()
	rate := float64(docs) / max(time.Since(p.start).Seconds(), 1e-9)
	fmt.Fprintf(p.e.stderr, "\r\033[K%s: %d documents, %d failed, %.1f documents/s", p.label, docs, failed, rate)
	p.drawn = true
}

// clear erases the line so that a message can be printed.
func (p *progress) clear() {
	if p != nil && p.drawn {
		fmt.Fprint(p.e.stderr, "\r\033[K")
		p.drawn = false
	}
}

// done erases the line for good.
func (p *progress) done() { p.clear() }
