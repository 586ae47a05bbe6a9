// Package queries answers questions over a graph.Store: entity listings and
// Cayley queries (Gizmo, GraphQL, MQL) with kg's short IRIs expanded.
//
// Ask parses English questions (ParseQuestion) and answers them from fact
// nodes with evidence; Resolve and Complete find entities by label, alias,
// surname or close spelling; Path runs a bidirectional breadth-first search
// over fact edges; Neighbors pages an entity's facts for the explorer.
//
// Hot paths read the store by reference, through Cayley's compound indexes
// (graph.EachQuadRef, graph.EachPredicate), and read each distinct value
// once per request. The name index (Complete, fuzzy names) is built once per
// version of the store on its own goroutine; while it is current it also
// shows entities in answers, paths and listings without reading the store,
// and until then those read the store.
//
// A Service is safe for concurrent use: each query gets its own Cayley
// session, since a Gizmo session is not goroutine-safe. Listings read the
// typed entity quads that documents support, so entities whose documents were
// all removed never show, although Cayley's KV and SQL stores keep their
// nodes.
package queries
