// Package alias gives entities canonical names, so that one real-world
// entity is one node across documents.
//
// A Resolver maps a name to a label, a slug and the rule that produced them:
// a user alias file (alias<TAB>canonical), role titles stripped from the
// names of persons ("U.S. Secretary of State Rex Tillerson" → "Rex Tillerson"), country
// names, acronyms and spellings through the gazetteer ("U.S." → "United
// States", "UN" → "United Nations"), and demonyms only where they stand for
// the state ("the Russians" said → "Russia", but "Russian officials" stays).
// Document adds the surname rule within one document: a lone surname that
// ends exactly one full person name of the same document takes that name.
// It is kept within a document so that results never depend on the order in
// which documents are read.
//
// Chains turns one document's coreference chains (package coref) into
// kg.Entity and kg.Mention values: one entity per named chain, labelled by
// the canonical form of the chain's representative.
//
// Merges are conservative and explainable: every rule that changes a name is
// recorded, and Entities keeps every surface form as an alias and every
// merge in kg.Entity.Merges. A Resolver is read-only after New and safe for
// concurrent use.
package alias
