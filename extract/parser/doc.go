// Package parser is kg's dependency parser: a greedy transition-based parser
// (the arc-hybrid system with the root token at the end of the buffer) that
// predicts Universal Dependencies relations with their subtypes (nmod:poss,
// acl:relcl, compound:prt, obl:agent …).
//
// Transitions are scored by an averaged perceptron over rich feature
// templates in the style of Zhang and Nivre (2011): words, tags, valencies,
// distances and label sets of the stack and buffer items and their children.
// Training follows the dynamic oracle of Goldberg and Nivre (2013) with
// exploration, so the model learns to recover from its own mistakes.
//
// Features are packed into uint64 keys without building strings, looked up in
// a flat open-addressing table, and each feature's weights are a short list of
// (transition, weight) pairs; Parse allocates per sentence, never per
// transition. Models are stored as flat arrays in a gzip file of stored
// (uncompressed) blocks, parser.bin.gz, read with Load from an fs.FS such as
// data.Models; the lookup table is rebuilt at load in a cache-friendly order.
package parser
