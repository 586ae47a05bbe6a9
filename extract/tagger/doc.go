// Package tagger predicts part-of-speech tags for words: the universal tag
// (UPOS), the Penn Treebank tag (XPOS) and UD morphological features.
//
// The model is a pair of greedy averaged perceptrons over a joint UPOS|XPOS
// label, one reading the sentence left to right and one right to left; the
// right-to-left pass runs first and its scores are added to the
// left-to-right ones, so every decision sees both contexts. The two share
// their static features (the word, its lowercase form, prefixes, suffixes,
// shape, neighbouring words, ambiguity classes and case profiles learned
// from the training data, and how the whole sentence is capitalized), which
// are looked up once per word for both; only the features of the labels
// already predicted (to the left, or to the right) differ. Features are
// hashed to uint64 without building strings, and the weights of both
// taggers live in one open-addressing table of flat arrays, 16-bit
// quantized, so that a model loads fast and tags without allocating per
// word.
//
// Frequent words that always take one label get it without scoring. Other
// frequent words are scored only for the labels they took in training (a
// tag dictionary), and the remaining words for the labels rare words took
// (the open classes), which keeps the additions per word few. Morphological
// features are then looked up from the word and its label: the most frequent
// features of the pair in training, else of the label.
//
// Train builds a model from CoNLL-U sentences, Save writes it zstd-compressed
// and Load reads "tagger.bin.zst" from an fs.FS (data.Models in production).
// Jackknife gives realistic predicted tags for training sentences, for
// stages such as the parser that train on tagger output. Evaluate scores a
// model (and a lemmatizer) on gold sentences.
package tagger
