package web

import (
	"context"
	"io"
	"time"

	"github.com/kgnews/kg"
)

// Asker answers questions in English, as `kg ask` does.
type Asker interface {
	Ask(ctx context.Context, question string) (*kg.Result, error)
}

// EntityLister lists entities for the search box: those whose label or an
// alias starts with prefix (any case), of type typ when it is not empty, most
// mentioned first, at most limit.
type EntityLister interface {
	ListEntities(ctx context.Context, prefix string, typ kg.EntityType, limit int) ([]kg.Entity, error)
}

// NeighborReader reads one page of an entity's facts. id is an entity IRI or
// a name; the facts come most supported first, offset and limit page them.
type NeighborReader interface {
	Neighbors(ctx context.Context, id string, limit, offset int) (*Neighborhood, error)
}

// PathFinder resolves names to entities, with suggestions when a name
// matches none, and finds shortest connections between two entities (names
// or IRIs) through facts.
type PathFinder interface {
	Resolve(ctx context.Context, name string) (kg.Entity, error)
	Path(ctx context.Context, from, to string, maxHops, limit int) ([]kg.Path, error)
}

// Exporter writes the whole graph in one of kg's export formats.
type Exporter interface {
	Export(ctx context.Context, w io.Writer, format string) error
}

// GizmoRunner runs a Gizmo query and returns its results as JSON values,
// the same values `kg query --json` prints.
type GizmoRunner interface {
	Gizmo(ctx context.Context, text string, limit int, timeout time.Duration) ([]any, error)
}

// Ingester extracts documents and writes them to the store.
type Ingester interface {
	Ingest(ctx context.Context, docs []kg.Document) (IngestStats, error)
}

// Neighborhood is an entity with one page of the facts it takes part in.
type Neighborhood struct {
	Entity kg.Entity `json:"entity"` // the entity, with its IRI as ID
	Facts  []Edge    `json:"facts"`  // this page of its facts
	Total  int       `json:"total"`  // facts in all (up to the reader's cap)
	Offset int       `json:"offset"` // index of the first fact on this page
	More   bool      `json:"more"`   // another page follows
}

// Edge is one fact between two entities, as the explorer draws it.
type Edge struct {
	ID           string        `json:"id"`                      // the fact's IRI, or a key unique in the graph
	Subject      kg.Entity     `json:"subject"`                 // who or what the fact is about
	Predicate    string        `json:"predicate"`               // predicate lemma, e.g. meet
	PredicateID  string        `json:"predicate_id,omitempty"`  // the predicate's IRI
	Object       kg.Entity     `json:"object"`                  // the other entity
	Confidence   float64       `json:"confidence"`              // 0..1, the best of its evidence
	Negated      bool          `json:"negated,omitempty"`       // "did not meet"
	Modality     string        `json:"modality,omitempty"`      // possible, future, intended, hypothetical
	AttributedTo *kg.Entity    `json:"attributed_to,omitempty"` // who said so, for reported claims
	Evidence     []kg.Evidence `json:"evidence"`                // the sentences that say so
}

// IngestStats sums up one ingest call.
type IngestStats struct {
	Documents int `json:"documents"` // documents written
	Skipped   int `json:"skipped"`   // documents already in the store
	Replaced  int `json:"replaced"`  // older versions replaced
	Entities  int `json:"entities"`  // entities per document, summed
	Facts     int `json:"facts"`     // facts written
	Quads     int `json:"quads"`     // quads written
}

// Services are what the server reads and writes through. A nil field turns
// its endpoint off (it answers 404, or 403 for Ingest).
type Services struct {
	Asker     Asker          // /api/ask
	Entities  EntityLister   // /api/entities
	Neighbors NeighborReader // /api/entity
	Paths     PathFinder     // /api/path
	Exporter  Exporter       // /api/export
	Gizmo     GizmoRunner    // Cayley's /api/v1/query/gizmo and /api/v2/query
	Ingester  Ingester       // POST /api/ingest
}

// Defaults of Config.
const (
	DefaultQueryTimeout  = 10 * time.Second
	DefaultExportTimeout = 30 * time.Minute // an export streams the whole graph
	DefaultIngestTimeout = 5 * time.Minute  // one ingest call: extraction and writes
	DefaultMaxBody       = 8 << 20          // bytes of a request body
	DefaultMaxResults    = 1000             // results of a list or a Gizmo query
	DefaultPageSize      = 25               // facts per page of /api/entity
	DefaultMaxHops       = 4                // hops of /api/path
	DefaultPaths         = 5                // paths of /api/path
)

// Config sets the server's limits and access rules. Zero fields take the
// defaults above.
type Config struct {
	Token         string        // bearer token that ingest (and reads with TokenForReads) need; "" for none
	TokenForReads bool          // every /api/ call needs the token; set when the server is reachable from other machines
	AllowIngest   bool          // POST /api/ingest is on
	CORSOrigin    string        // the one origin CORS allows; "" for no CORS headers
	QueryTimeout  time.Duration // time limit of one API call other than export and ingest
	ExportTimeout time.Duration // time limit of one export
	IngestTimeout time.Duration // time limit of one ingest call
	MaxBody       int64         // bytes a request body may have
	MaxResults    int           // results a list or query may return
}

func (c Config) withDefaults() Config {
	if c.QueryTimeout <= 0 {
		c.QueryTimeout = DefaultQueryTimeout
	}
	if c.ExportTimeout <= 0 {
		c.ExportTimeout = DefaultExportTimeout
	}
	if c.IngestTimeout <= 0 {
		c.IngestTimeout = DefaultIngestTimeout
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.MaxResults <= 0 {
		c.MaxResults = DefaultMaxResults
	}
	return c
}
