// Package extract turns a kg.Document into a kg.Extraction: the sentences of
// the document, the entities it names, where it names them, and the facts
// between them with the sentence that says so.
//
// Pipeline is the one entry point. It is safe for concurrent use, so
// `kg ingest` runs one Pipeline on all cores. Today it runs the interim
// baseline extractor of interim.go, a handful of general rules about English
// punctuation and capitalization that make the rest of kg usable end to end;
// the real NLP pipeline (tokenizer, tagger, parser, NER, coreference,
// relations) replaces it behind the same Pipeline.Extract seam.
//
// Package extract knows nothing of the store: it imports only kg and the
// standard library.
package extract
