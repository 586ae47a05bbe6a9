// Package coref finds the mentions of a document and groups those that refer
// to the same thing into chains.
//
// Mentions come from the dependency parse and the NER tags: named entities,
// noun phrases headed by a noun or proper noun, and pronouns. Chains are built
// by a multi-pass sieve in the spirit of Lee et al. (2013): each pass links a
// mention to an earlier cluster by one kind of evidence, most precise first
// (the speaker of a quotation, first and second person pronouns, exact
// string match, appositions, a name inside its title phrase, predicate
// nominatives, acronyms, strict head match, surname to full name, role
// titles such as "the secretary"), and third person pronouns are resolved
// last, to the most salient antecedent that agrees in number, gender and
// animacy within three sentences: recent sentences, subjects, names and
// often mentioned entities first.
//
// Mention boundaries follow GUM: a noun phrase spans its head's subtree
// without the preposition before it, its appositions and the clause of a
// predicate nominative; a coordination is a mention and so is its first
// conjunct; possessives keep their 's. Boundaries are repaired for the
// errors statistical parses make: a locative or temporal phrase after an
// object or oblique is left out (an "of" phrase is kept), a clause hung on a
// noun as an apposition is cut, a final period never stretches a phrase over
// the clause after it, a title the parser split from its name is joined to
// it, and wh-words (free relatives, questions) are no mentions. Appositions
// need a comma, bracket or dash; bare common nouns ("government") are left
// to exact match, since most are generic; a possessive or object pronoun
// prefers the subject of a clause that contains it.
//
// Evaluate scores Resolve against the coreference chains of a CoNLL-U file
// annotated like GUM (the MISC column's Entity= brackets) with MUC, B³ and
// CEAF-e, implemented here from their definitions. Mentions match only when
// their boundaries match exactly (same sentence, same first and last word).
// Evaluate reports the CoNLL-2012 convention, which drops singleton chains
// from both the gold and the predicted side; EvaluateSingletons keeps them,
// as GUM annotates them.
package coref
