// Package tokenize splits English text into sentences and tokens with byte
// offsets into the original text, following the conventions of UD English
// EWT and GUM: clitics split from their host (do + n't, ca + n't, it + 's,
// gon + na), hyphenated compounds split except after listed prefixes
// (e-mail, non-human), abbreviations and dotted forms kept whole (Mr., U.S.,
// a.m.), numbers, URLs, e-mail addresses and emoticons kept whole, and
// Unicode quotes, dashes and ellipses as tokens of their own.
//
// Tokenizing is done by rules in one pass over the bytes, without regular
// expressions. Sentence boundaries are decided by an averaged-perceptron
// classifier over every token (EWT has many sentences without final
// punctuation), trained from the UD train files by Train and bundled as
// data/models/sentences.bin.gz; without it, rules decide. A blank line always
// ends a sentence.
//
// Sentences is the entry point of the pipeline; Analyze also reports which
// words came from one surface token, and Evaluate scores the tokenizer on
// gold CoNLL-U the way the CoNLL 2018 shared task does.
package tokenize
