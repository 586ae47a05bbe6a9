// Package entityeval scores the named entities of a graph (its Person,
// Organization and Place nodes) against the gold entities of GUM: the
// Entity= annotations in the MISC column of a GUM CoNLL-U file, with their
// type, coreference identity and Wikipedia link.
//
// ReadGUM reads the documents and their gold mentions; Corpus.Gold builds
// the gold named entities of some documents (entities of a person, place or
// organization type with a proper-name mention), and Score matches a
// graph's nodes against them by name. The definitions are those of
// ../shared/eval/entities/score.py, so that both give the same figures: a
// node is real when one of its names matches a gold name (exactly, as a
// superset of a gold proper-name core, or as one of the entity's
// descriptions), clean when it is also typed right, labelled with a name of
// its entity and not holding the names of two entities.
package entityeval
