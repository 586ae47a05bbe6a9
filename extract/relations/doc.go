// Package relations extracts open relations from one dependency-parsed
// sentence: clause-based Open IE over a Universal Dependencies tree.
//
// For every predicate (a verb, a copular clause, an apposition) Extract finds
// the subjects (nsubj, nsubj:pass, csubj; the antecedent of a relative clause;
// the controller of an xcomp; the subject shared by conjoined verbs), the
// object (obj, a nominal xcomp, a ccomp, or the first oblique with its
// preposition joined to the predicate: "met with" gives meet_with, and a
// synonym table then maps it to meet), further obliques, and the time
// (obl:tmod, obl:unmarked and temporal obliques). Passives with a by-agent
// become active facts; copulas, appositions and titles give role facts ("X,
// director of Y" gives director_of; "Foreign Minister Sergei Lavrov" gives
// (Sergei Lavrov, be, Foreign Minister)); possessives and place modifiers give
// low-confidence nominal relations (have, be_in). Conjoined subjects, objects
// and verbs are split into separate relations.
//
// Word lists (speech verbs, intention verbs, auxiliaries, time nouns, titles,
// the predicate synonym table) are in lexicon.txt; the confidence is a
// logistic model over features of each extraction, fitted on CaRB dev by
// extract/carb/internal/fitconf.
//
// Every relation carries what a knowledge graph must not lose: negation
// ("not", "never", "no" on the object), modality (will, may, would, agreed
// to, ...), attribution (the facts of "X said that ..." and "according to X"
// belong to X, not to the text) and hypothetical conditions ("if" clauses).
//
// Arguments keep their head word, so the entity linker can map them to
// entities, and their sorted word indices, so writers can print them in the
// sentence's own words. Extract works on any tree, gold or parsed, and never
// panics on malformed heads.
package relations
