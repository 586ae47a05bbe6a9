// Package question reads an English question into a kg.Frame: what kind of
// answer it asks for (the subject or object of a fact, an oblique with its
// preposition, a place, a time, a role, a statement, a path), the predicate
// as the relation extractor names it (lemma with particles; a control verb's
// to-infinitive gives the inner event), the arguments the question knows,
// and its time and place adjuncts.
//
// It reads the words' tags and lemmas from the same models that read the
// text, so question and text meet in one vocabulary. It does not trust the
// dependency parse of a fronted question: parsers trained on statements read
// "Who did X meet?" poorly, while tags stay good.
package question
