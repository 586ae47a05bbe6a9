// Package ner finds named entities (people, organizations, places) in
// tokenized sentences and tags each word with a BIO label such as B-PER.
//
// The model is a greedy left-to-right averaged perceptron over hashed
// features: the word, its lowercase form, shape, prefixes and suffixes, the
// neighbouring words, shapes and suffixes, the two labels before it, the
// first position of the sentence, how the whole sentence uses capitals (all
// lower case, all capitals, headline), and membership in kg's gazetteer of
// countries, demonyms, capitals, other places, organizations, titles and
// given names (package extract/gazetteer; the model carries its own copy of
// the phrases it was trained with). UPOS tags are an optional extra input.
// Training feeds the label features the gold labels (teacher forcing), or
// with TrainOptions.RollIn now and then the model's own guesses.
//
// Optionally (TrainOptions.Text) Train also builds a word lexicon from
// unlabeled text and keeps it in the model: distributional word clusters
// (positive-PMI context vectors, randomly projected, split in two again and
// again, so that each word gets a bit path whose prefixes are features) and
// how often each word is capitalized in the middle of a sentence. With
// TrainOptions.Document the features also say how a word is written
// elsewhere in its document; TagDocument tags a whole document that way,
// and Tag treats its sentence as a document of its own.
//
// Train learns a Model from IOB sentences (ReadIOB, ReadGUM); Save writes
// it as gzip-compressed flat arrays and Load reads "ner.bin.gz" back from an
// fs.FS such as data.Models. Tag is safe for concurrent use. Evaluate scores
// exact typed spans.
package ner
