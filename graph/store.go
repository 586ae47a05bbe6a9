package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/leveldb" // registers leveldb
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers postgres
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	"go.etcd.io/bbolt"

	"github.com/kgnews/kg"
)

// DefaultStore is the store URL used when none is given: a bbolt file in the
// working directory.
const DefaultStore = "bolt:kg.db"

// Defaults of Options.
const (
	DefaultBatchQuads  = 10000           // quads per ApplyDeltas call
	DefaultLockTimeout = 2 * time.Second // wait for a bolt file held by another process
)

// Options configures a Store. Zero fields take their defaults.
type Options struct {
	Base        string        // namespace of kg's IRIs; DefaultBase when empty
	BatchQuads  int           // quads buffered before a write; DefaultBatchQuads when 0
	LockTimeout time.Duration // how long to wait for a locked bolt file; DefaultLockTimeout when 0
	// ReadMostly skips the existence filter that Cayley's bolt and leveldb
	// stores otherwise build in memory from the whole store when they open
	// (about 30 s for 15M quads). Writes still work; they check the indexes
	// instead, more slowly. For commands that only read.
	ReadMostly bool
}

// Store is a kg graph held in a Cayley quad store.
type Store struct {
	qs    cgraph.QuadStore
	kv    hkv.KV // the bolt file under qs, for reads of index keys (EachPredicate); nil for other stores
	url   string
	base  string
	batch int
}

// Open opens the store at storeURL, creating it on first use. URLs are
// bolt:PATH (a bbolt file), memory:, leveldb:PATH (a folder) and
// postgres://user:pass@host:port/db?sslmode=disable. A bolt file held by
// another process fails with kg.ECONFLICT after Options.LockTimeout.
func Open(ctx context.Context, storeURL string, opts Options) (*Store, error) {
	base, err := NormalizeBase(opts.Base)
	if err != nil {
		return nil, err
	}
	if opts.BatchQuads <= 0 {
		opts.BatchQuads = DefaultBatchQuads
	}
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = DefaultLockTimeout
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	qs, kvdb, err := openQuadStore(storeURL, opts)
	if err != nil {
		return nil, err
	}
	return &Store{qs: qs, kv: kvdb, url: storeURL, base: base, batch: opts.BatchQuads}, nil
}

// openQuadStore opens the quad store of a URL and, for bolt, the key-value
// view of the file that Cayley's store is built on.
func openQuadStore(storeURL string, opts Options) (cgraph.QuadStore, hkv.KV, error) {
	kind, path, _ := strings.Cut(storeURL, ":")
	kvOpts := cgraph.Options{ckv.OptNoBloom: opts.ReadMostly}
	var qs cgraph.QuadStore
	var err error
	switch {
	case kind == "bolt":
		return openBolt(path, opts.LockTimeout, kvOpts)
	case kind == "memory":
		qs = memstore.New()
	case kind == "leveldb":
		qs, err = openLevelDB(path, kvOpts)
	case kind == "postgres" || kind == "postgresql":
		qs, err = openPostgres(storeURL)
	default:
		err = kg.Errorf(kg.EINVALID, "unknown store %q: use bolt:PATH, memory:, leveldb:PATH or postgres://…", storeURL)
	}
	return qs, nil, err
}

// openBolt opens the bbolt file itself, with a lock timeout that Cayley's
// registration does not set, and hands it to Cayley's KV quad store.
func openBolt(path string, lock time.Duration, kvOpts cgraph.Options) (cgraph.QuadStore, hkv.KV, error) {
	if path == "" {
		return nil, nil, kg.Errorf(kg.EINVALID, "bolt store needs a path, as in bolt:kg.db")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, nil, fmt.Errorf("open bolt store: %w", err)
		}
	}
	db, err := bbolt.Open(path, 0o644, &bbolt.Options{Timeout: lock})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, nil, kg.Errorf(kg.ECONFLICT, "store %s is in use by another process (waited %s)", path, lock)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("open bolt store %s: %w", path, err)
	}
	kvdb := hbolt.New(db)
	if err := ckv.Init(kvdb, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		db.Close()
		return nil, nil, fmt.Errorf("init bolt store %s: %w", path, err)
	}
	qs, err := ckv.New(kvdb, kvOpts)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open bolt store %s: %w", path, err)
	}
	return qs, kvdb, nil
}

func openLevelDB(path string, kvOpts cgraph.Options) (cgraph.QuadStore, error) {
	if path == "" {
		return nil, kg.Errorf(kg.EINVALID, "leveldb store needs a folder, as in leveldb:kg.ldb")
	}
	err := cgraph.InitQuadStore("leveldb", path, nil)
	if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return nil, lockError(path, fmt.Errorf("init leveldb store %s: %w", path, err))
	}
	qs, err := cgraph.NewQuadStore("leveldb", path, kvOpts)
	if err != nil {
		return nil, lockError(path, fmt.Errorf("open leveldb store %s: %w", path, err))
	}
	return qs, nil
}

// lockError turns leveldb's "resource temporarily unavailable" on its LOCK
// file into kg.ECONFLICT.
func lockError(path string, err error) error {
	if errors.Is(err, syscall.EAGAIN) || strings.Contains(err.Error(), "resource temporarily unavailable") {
		return kg.Errorf(kg.ECONFLICT, "store %s is in use by another process", path)
	}
	return err
}

func openPostgres(url string) (cgraph.QuadStore, error) {
	err := cgraph.InitQuadStore("postgres", url, nil)
	if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return nil, pgError(fmt.Errorf("init postgres store: %w", err))
	}
	qs, err := cgraph.NewQuadStore("postgres", url, nil)
	if err != nil {
		return nil, pgError(fmt.Errorf("open postgres store: %w", err))
	}
	return qs, nil
}

func pgError(err error) error {
	var op interface{ Timeout() bool }
	if errors.As(err, &op) || errors.Is(err, syscall.ECONNREFUSED) {
		return kg.Errorf(kg.EUNAVAILABLE, "postgres store cannot be reached: %v", err)
	}
	return err
}

// Close closes the store.
func (s *Store) Close() error {
	if err := s.qs.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// QuadStore returns the underlying Cayley quad store, for package queries.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Base returns the namespace of kg's IRIs in this store.
func (s *Store) Base() string { return s.base }

// URL returns the store URL the store was opened with.
func (s *Store) URL() string { return s.url }
