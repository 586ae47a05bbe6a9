package kg

import (
	"crypto/sha256"
	"encoding/hex"
)

// Document is one article as kg reads it, before any extraction.
type Document struct {
	ID     string `json:"id"`               // content hash, see DocumentID
	Title  string `json:"title,omitempty"`  // headline, from meta tags or the first line
	Date   string `json:"date,omitempty"`   // publication date, YYYY-MM-DD when known
	Source string `json:"source,omitempty"` // where it came from: a path, a URL or a corpus row id
	Text   string `json:"text"`             // plain UTF-8 text; every offset in kg points into it
}

// DocumentID returns the content hash that identifies a document with this
// text: the first 16 hex digits of its SHA-256. The same text always gets the
// same ID, so ingesting it twice changes nothing.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// Sentence is one sentence of a document with its tokens.
type Sentence struct {
	Index  int     `json:"index"`            // position in the document, from 0
	Start  int     `json:"start"`            // byte offset of the first character in Document.Text
	End    int     `json:"end"`              // byte offset just past the last character
	Text   string  `json:"text"`             // Document.Text[Start:End]
	Tokens []Token `json:"tokens,omitempty"` // the sentence's words, in order
}

// Token is one word of a sentence with its annotations. Head and the
// annotations are empty until the pipeline stage that fills them has run.
type Token struct {
	Text  string `json:"text"`            // the word as it is written (for a multiword part, its form)
	Start int    `json:"start"`           // byte offset in Document.Text
	End   int    `json:"end"`             // byte offset just past the word
	Lemma string `json:"lemma,omitempty"` // dictionary form
	UPOS  string `json:"upos,omitempty"`  // universal part of speech
	XPOS  string `json:"xpos,omitempty"`  // Penn Treebank tag
	Feats string `json:"feats,omitempty"` // morphological features, UD style
	Head  int    `json:"head"`            // index of the head token in the sentence plus one; 0 is the root
	Rel   string `json:"rel,omitempty"`   // universal dependency relation to the head
	NER   string `json:"ner,omitempty"`   // BIO entity tag such as B-PER
}
