// Package carb reads, writes and scores Open IE extractions in the form of
// the CaRB benchmark (Bhardwaj, Aggarwal and Mausam, "CaRB: A Crowdsourced
// Benchmark for Open IE", EMNLP 2019).
//
// Extractions are tab-separated lines: the sentence, a confidence, the
// relation phrase and two or more arguments, in the sentence's own tokens.
// ExtractTokens and Extract run kg's relation extractor over pre-tokenized
// sentences through an Annotator, the seam where the tagger and parser plug
// in. Score implements the CaRB metric with our own code: token-level
// matching gated on a shared relation word, recall by the best match of each
// gold tuple (several gold tuples may match one prediction), precision by a
// greedy one-to-one matching, both over every confidence threshold, giving
// the best F1 and the area under the precision-recall curve.
package carb
