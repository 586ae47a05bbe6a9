// Package graph stores kg's knowledge graph in a Cayley quad store: it opens
// a store by URL, writes extractions as quads, removes documents, and exports
// and imports RDF. It is the only package besides queries that imports Cayley.
//
// # Stores
//
// Open takes bolt:PATH (a bbolt file, the default kg.db; opened here with a
// lock timeout, so a file held by another process fails with kg.ECONFLICT
// instead of hanging), memory:, leveldb:PATH (a folder) or a postgres:// URL
// (Cayley's SQL backend). Stores are created on first use.
//
// # Model
//
// Every name is an absolute IRI under the base (default https://kg.example/,
// the kg: prefix); slugs, predicates and document IDs are percent-encoded
// (EscapeSegment), so any entity name gives a valid IRI. Typed literals carry
// full datatype IRIs (xsd:integer, xsd:double, xsd:boolean, xsd:date).
//
// Each quad's label (named graph) says which document supports it:
//
//	graph {doc}              (the document IRI, {base}doc/{id})
//	  {doc} rdf:type kg:Document; dcterms:title; dcterms:date; dcterms:source
//	  {doc} schema:mentions {entity}            one per entity it names
//	  {entity} rdf:type schema:Person|Organization|Place|Event or kg:Concept
//	  {entity} rdfs:label "…"; skos:altLabel "…" (per alias); kg:mentions n
//	  {entity} kg:merge "…"                    merge explanations, if any
//	  {person} schema:familyName "…"           for people named in full
//	  {sentence} dcterms:isPartOf {doc}; kg:text "…"; kg:start n; kg:end n
//	  {base}rel/{predicate} rdfs:label "predicate"
//	graph {sentence}         ({doc}/s{n}, the evidence sentence)
//	  {subject} {base}rel/{predicate} {object}  only for kg.Fact.Asserted facts
//	  {fact} rdf:type rdf:Statement; rdf:subject; rdf:predicate; rdf:object;
//	         kg:confidence; prov:wasDerivedFrom {sentence}
//	  {fact} kg:negated true; kg:modality "…"; kg:attributedTo {entity};
//	         kg:validTime "…"                   only when not the default
//
// Fact nodes are {base}fact/{hash} with FactHash over the document, the
// sentence and the fact, so the same document always gives the same quads.
// Only sentences that are evidence for a fact are written. Entity quads are
// repeated in each document's graph: an entity's mention count is the sum of
// its kg:mentions over graphs, and Gizmo paths through such quads need
// .Unique(). A typical asserted fact costs 7 quads, shared sentence and
// document quads aside.
//
// # Writes and removal
//
// A Writer buffers whole documents and writes about Options.BatchQuads quads
// per ApplyDeltas call (one transaction), duplicates ignored; a failed batch
// writes nothing and its error names the documents. A document whose IRI is
// already stored is skipped. A document whose source is stored under another
// ID replaces it: the new version lands first, then the old one is removed in
// a second transaction (Cayley's KV stores mishandle a node that a single
// ApplyDeltas both adds and removes).
//
// Removal deletes the document's graph and its sentences' graphs. Cayley's
// KV stores index subjects and objects but not labels, so the quads are found
// from the document: its own quads, its sentences (dcterms:isPartOf), their
// facts (prov:wasDerivedFrom) and direct edges, its entities
// (schema:mentions) and its predicates, each filtered by label. Entities that
// other documents name keep those documents' quads. KV and SQL stores keep
// orphan nodes, so listings (EachEntity, EachFact) start from typed quads,
// never from bare nodes.
//
// # Export and import
//
// Export streams over the store's iterators: nquads quad by quad; ntriples
// and turtle subject by subject (one subject's quads in memory at a time), so
// a triple that several graphs hold is written once; jsonld subject by
// subject with each graph as {"@id": graph, "@graph": [node]}, which keeps
// every quad and blank node; graphml and csv list entities and facts. Import
// reads N-Quads, N-Triples and JSON-LD (json-gold, no remote contexts) and
// keeps typed literals as written.
package graph
