// Package kgtest holds helpers shared by kg's tests: finding the read-only
// shared data beside the repository, opening stores, fixture graphs.
package kgtest
