// Package kg holds the domain types of the kg knowledge-graph builder:
// documents, sentences, tokens, entities, mentions, facts with their evidence,
// and the answers and paths the query layer returns. It imports only the
// standard library; every adapter (the NLP pipeline, the Cayley store, the
// query layer, the web explorer) lives in a subpackage and speaks these types.
package kg
