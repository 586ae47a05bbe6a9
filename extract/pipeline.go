package extract

import (
	"context"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/alias"
	"github.com/kgnews/kg/extract/coref"
	"github.com/kgnews/kg/extract/relations"
)

// Options configures a Pipeline. The zero value runs the models embedded in
// the binary with no user aliases.
type Options struct {
	Models  *Models           // nil: DefaultModels()
	Aliases map[string]string // user aliases, alias -> canonical name (see alias.LoadUserAliases)
}

// Pipeline extracts entities and facts from documents. It is safe for
// concurrent use by many goroutines.
type Pipeline struct {
	models  *Models
	aliases *alias.Resolver
}

// New returns a Pipeline configured by opts, loading the embedded models on
// first use.
func New(opts Options) (*Pipeline, error) {
	m := opts.Models
	if m == nil {
		var err error
		if m, err = DefaultModels(); err != nil {
			return nil, fmt.Errorf("new pipeline: %w", err)
		}
	}
	return &Pipeline{models: m, aliases: alias.New(m.Gazetteer, opts.Aliases)}, nil
}

// Models returns the models the pipeline runs.
func (p *Pipeline) Models() *Models { return p.models }

// ctxCheckEvery is how many sentences are annotated between checks for
// cancellation.
const ctxCheckEvery = 64

// Extract runs the pipeline over one document: sentences and tokens, tags,
// lemmas, dependency trees and entity tags, coreference, canonical names,
// and facts from the relations of each sentence. The document's ID is set
// from its text when empty; its text must be valid UTF-8. Every offset in
// the result points into doc.Text, and the result depends only on the
// document and the options, never on other calls.
func (p *Pipeline) Extract(ctx context.Context, doc kg.Document) (*kg.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract %s: %w", doc.Source, err)
	}
	if !utf8.ValidString(doc.Text) {
		return nil, kg.Errorf(kg.EINVALID, "extract %s: text is not valid UTF-8", doc.Source)
	}
	if doc.ID == "" {
		doc.ID = kg.DocumentID(doc.Text)
	}
	sents := p.models.Tokenizer.Sentences(doc.Text)
	if err := p.models.AnnotateAll(ctx, sents); err != nil {
		return nil, fmt.Errorf("extract %s: %w", doc.Source, err)
	}
	x := &kg.Extraction{Document: doc, Sentences: sents, Entities: []kg.Entity{}, Facts: []kg.Fact{}}
	chains := coref.Resolve(sents)
	x.Entities, x.Mentions = p.aliases.Chains(sents, chains)
	if x.Entities == nil {
		x.Entities = []kg.Entity{}
	}
	b := newFactBuilder(x, chains)
	for i := range sents {
		b.sentence(i, relations.Extract(&sents[i]))
	}
	b.roles()
	sortExtraction(x)
	return x, nil
}

// sortExtraction puts entities in ID order and mentions in text order, so
// the same document always gives the same extraction.
func sortExtraction(x *kg.Extraction) {
	sort.SliceStable(x.Entities, func(i, j int) bool { return x.Entities[i].ID < x.Entities[j].ID })
	sort.SliceStable(x.Mentions, func(i, j int) bool {
		a, b := x.Mentions[i], x.Mentions[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
}
