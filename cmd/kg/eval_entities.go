package main

import (
	"context"
	"fmt"
	"path"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/extract/entityeval"
	"github.com/kgnews/kg/extract/reader"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries"
)

// entityScores is what kg eval entities prints with --json.
type entityScores struct {
	Documents int              `json:"documents"` // documents scored
	PerDoc    entityFigures    `json:"per_document"`
	OneStore  entityFigures    `json:"one_store"`
	Docs      map[string]Stats `json:"docs"` // per-document counts, by document ID
}

// Stats is entityeval.Stats, named for the JSON report.
type Stats = entityeval.Stats

// entityFigures are the counts of one mode and the shares made of them.
type entityFigures struct {
	entityeval.Stats
	P       float64 `json:"precision"`     // real named nodes, %
	R       float64 `json:"recall"`        // gold named entities with a named node, %
	Clean   float64 `json:"clean_share"`   // clean named nodes, %
	TypeAcc float64 `json:"type_accuracy"` // matched nodes typed right, %
}

func figures(s entityeval.Stats) entityFigures {
	return entityFigures{Stats: s, P: s.Precision(), R: s.Recall(), Clean: s.CleanShare(), TypeAcc: s.TypeAccuracy()}
}

// evalEntities ingests each GUM document named (all without arguments)
// into a store of its own and all of them into one store, and scores the
// named nodes of each against the gold entities (package entityeval).
func evalEntities(c *cli.Context) (evalReport, error) {
	f, err := openInput(c.String("gold"))
	if err != nil {
		return evalReport{}, err
	}
	defer f.Close()
	corpus, err := entityeval.ReadGUM(f)
	if err != nil {
		return evalReport{}, kg.Errorf(kg.EINVALID, "read %s: %v", c.String("gold"), err)
	}
	docs, err := entityDocs(corpus, c.Args().Slice()[1:])
	if err != nil {
		return evalReport{}, usageError(c, "%s", kg.ErrorMessage(err))
	}
	pipe, err := evalPipeline(c)
	if err != nil {
		return evalReport{}, err
	}
	s, err := scoreEntities(c.Context, pipe, corpus, docs)
	if err != nil {
		return evalReport{}, err
	}
	return entityReport(s), nil
}

// entityDocs returns the documents to score: the named ones, or all.
func entityDocs(corpus *entityeval.Corpus, names []string) ([]string, error) {
	if len(names) == 0 || len(names) == 1 && names[0] == "all" {
		var out []string
		for _, d := range corpus.Docs {
			out = append(out, d.ID)
		}
		return out, nil
	}
	for _, n := range names {
		if corpus.Doc(n) == nil {
			return nil, kg.Errorf(kg.ENOTFOUND, "no document %s", n)
		}
	}
	return names, nil
}

// evalPipeline is the pipeline over the built-in models or --models.
func evalPipeline(c *cli.Context) (*extract.Pipeline, error) {
	ms, err := modelsOf(c)
	if err != nil {
		return nil, err
	}
	if ms.builtin {
		return extract.New(extract.Options{})
	}
	m, err := extract.LoadModels(ms.fsys, data.Gazetteer)
	if err != nil {
		return nil, err
	}
	return extract.New(extract.Options{Models: m})
}

// scoreEntities scores the documents one store each and all in one store.
func scoreEntities(ctx context.Context, pipe *extract.Pipeline, corpus *entityeval.Corpus, docs []string) (entityScores, error) {
	out := entityScores{Documents: len(docs), Docs: map[string]Stats{}}
	var per entityeval.Stats
	for _, d := range docs {
		nodes, err := ingestNodes(ctx, pipe, corpus, []string{d})
		if err != nil {
			return out, err
		}
		st := entityeval.Score(corpus.Gold([]string{d}), nodes)
		out.Docs[d] = st
		per.Add(st)
	}
	nodes, err := ingestNodes(ctx, pipe, corpus, docs)
	if err != nil {
		return out, err
	}
	out.PerDoc, out.OneStore = figures(per), figures(entityeval.Score(corpus.Gold(docs), nodes))
	return out, nil
}

// ingestNodes ingests the documents' texts, in order, into a fresh store in
// memory as kg ingest would, and lists its nodes as kg entities does.
func ingestNodes(ctx context.Context, pipe *extract.Pipeline, corpus *entityeval.Corpus, docs []string) ([]entityeval.Node, error) {
	s, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	defer s.Close()
	w := newLinkedWriter(s)
	for _, d := range docs {
		doc := reader.ParseText(corpus.Doc(d).Text())
		doc.ID, doc.Source = kg.DocumentID(doc.Text), path.Join("gum", d+".txt")
		x, err := pipe.Extract(ctx, doc)
		if err != nil {
			return nil, err
		}
		if err := w.Write(ctx, x); err != nil {
			return nil, fmt.Errorf("write %s: %w", d, err)
		}
	}
	if err := w.Flush(ctx); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	list, err := queries.New(s).Entities(ctx, queries.EntityFilter{Limit: 100000})
	if err != nil {
		return nil, err
	}
	nodes := make([]entityeval.Node, len(list))
	for i, e := range list {
		nodes[i] = entityeval.Node{Label: e.Label, Type: e.Type, Aliases: e.Aliases}
	}
	return nodes, nil
}

// entityReport turns the scores into kg eval's table.
func entityReport(s entityScores) evalReport {
	p, o := s.PerDoc, s.OneStore
	rows := []evalRow{
		{"documents", float64(s.Documents), ""},
		{"clean", p.Clean, "%"},
		{"precision", p.P, "%"},
		{"recall", p.R, "%"},
		{"type accuracy", p.TypeAcc, "%"},
		{"bad labels", float64(p.BadLabel), ""},
		{"splits", float64(p.Splits), ""},
		{"wrong merges", float64(p.Merges), ""},
		{"named nodes", float64(p.KG), ""},
		{"gold named entities", float64(p.Gold), ""},
		{"one store: clean", o.Clean, "%"},
		{"one store: recall", o.R, "%"},
		{"one store: type accuracy", o.TypeAcc, "%"},
		{"one store: splits", float64(o.Splits), ""},
		{"one store: wrong merges", float64(o.Merges), ""},
	}
	note := fmt.Sprintf("gum-entities: per-doc P=%.1f%% (%d/%d) clean=%.1f%% R=%.1f%% (%d/%d) splits=%d merges=%d (any type %d) type=%.1f%% (%d/%d) badlabel=%d; "+
		"one-store P=%.1f%% (%d/%d) R=%.1f%% (%d/%d) splits=%d merges=%d (any type %d) type=%.1f%%",
		p.P, p.Real, p.KG, p.Clean, p.R, p.Recalled, p.Gold, p.Splits, p.Merges, p.MergesAny, p.TypeAcc, p.TypeOK, p.Matched, p.BadLabel,
		o.P, o.Real, o.KG, o.R, o.Recalled, o.Gold, o.Splits, o.Merges, o.MergesAny, o.TypeAcc)
	return evalReport{json: s, rows: rows, note: note}
}
