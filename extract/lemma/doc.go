// Package lemma gives the dictionary form (lemma) of an English word from
// its part-of-speech tags, following the conventions of the UD English
// treebanks: regular inflection is undone by rules keyed on the Penn
// Treebank tag, and exception lists learned from the training treebanks
// (irregular forms, clitics such as n't → not and 's → be) take precedence.
// Proper nouns keep their case. Because taggers confuse proper and common
// nouns far more often than the treebanks disagree on a word, training
// evidence on how a capitalized noun's lemma is cased overrides the tag when
// it is clear-cut.
package lemma
