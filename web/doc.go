// Package web serves kg's graph explorer: a JSON API over the graph and an
// explorer page embedded in the binary (web/ui), on the server's own mux.
//
// The API answers
//
//	GET  /api/ask?q=QUESTION                      kg.Result
//	GET  /api/entities?prefix=&type=&limit=       []kg.Entity (autocomplete)
//	GET  /api/entity?id=&limit=&offset=           Neighborhood: one page of an entity's facts
//	GET  /api/path?from=&to=&max_hops=&limit=     {"from","to","paths"}
//	GET  /api/export?format=                      the graph in an export format, streamed
//	POST /api/ingest                              JSON or JSON lines documents (off by default)
//	POST /api/v1/query/gizmo                      Cayley's API: body is the query, {"result": [...]}
//	GET|POST /api/v2/query?lang=gizmo             Cayley's API v2, same shape
//	GET  /healthz                                 {"status":"ok"}
//
// Package web does not know Cayley or the store: it declares the small
// interfaces it consumes (Asker, EntityLister, NeighborReader, PathFinder,
// Exporter, GizmoRunner, Ingester) and cmd/kg wires the concrete types. Kg
// errors map to HTTP statuses in one function, StatusOf. Every request runs
// under a time limit, bodies and results are bounded, CORS is off unless an
// origin is configured, and a token guards ingest (and every call, when
// Config.TokenForReads is set for a server reachable from other machines).
package web
