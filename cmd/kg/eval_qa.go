package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/extract/reader"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries"
)

// qaTimeout bounds one question, as score.py's timeout does.
const qaTimeout = 60 * time.Second

// qaRow is one question of a QA file.
type qaRow struct {
	line     int      // line number in the file, from 1
	doc      string   // the GUM document that states the fact
	question string   // the question as asked
	regex    string   // the answer regex, Python syntax
	pat      *pyRegex // regex compiled
	forms    []string // the question's forms, from the forms file or its wording
}

// evalQA ingests the documents a QA file names, rebuilt from GUM CoNLL-U
// files, into a fresh in-memory store, asks every question with kg ask's
// service and judges the answers as the reference scorer score.py does.
func evalQA(c *cli.Context) (evalReport, error) {
	if c.IsSet("models") {
		return evalReport{}, usageError(c, "--models does not apply to kg eval qa: it asks with the built-in models, as kg ask does")
	}
	files := c.StringSlice("conllu")
	if len(files) == 0 {
		return evalReport{}, usageError(c, "kg eval qa needs --conllu FILE (the GUM files holding the documents)")
	}
	rows, err := readQA(c.String("gold"))
	if err != nil {
		return evalReport{}, err
	}
	texts, err := gumTexts(files, qaDocs(rows))
	if err != nil {
		return evalReport{}, err
	}
	s, err := graph.Open(c.Context, "memory:", graph.Options{Base: c.String("base")})
	if err != nil {
		return evalReport{}, fmt.Errorf("open store: %w", err)
	}
	defer s.Close()
	stats, err := ingestTexts(c.Context, s, texts)
	if err != nil {
		return evalReport{}, err
	}
	rep, err := askQA(c.Context, askService(s), rows)
	if err != nil {
		return evalReport{}, err
	}
	rep.QA, rep.Ingest = c.String("gold"), stats
	return evalReport{json: rep, text: rep.text(c.Bool("verbose")), stderr: rep.summary()}, nil
}

// readQA reads a QA file (doc, question, regex, evidence; # lines skipped)
// and the forms file beside it. A missing file is kg.ENOTFOUND, a short line
// or a regex Go cannot read kg.EINVALID.
func readQA(path string) ([]qaRow, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	forms, err := readQAForms(path)
	if err != nil {
		return nil, err
	}
	var rows []qaRow
	for i, line := range lines {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			return nil, kg.Errorf(kg.EINVALID, "%s:%d: want doc, question, regex, evidence", path, i+1)
		}
		pat, err := compilePyRegex(cols[2])
		if err != nil {
			return nil, kg.Errorf(kg.EINVALID, "%s:%d: %s", path, i+1, kg.ErrorMessage(err))
		}
		r := qaRow{line: i + 1, doc: cols[0], question: cols[1], regex: cols[2], pat: pat}
		if r.forms = forms[[2]string{r.doc, r.question}]; len(r.forms) == 0 {
			r.forms = guessQAForms(r.question)
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return nil, kg.Errorf(kg.EINVALID, "%s holds no questions", path)
	}
	return rows, nil
}

// readQAForms reads the forms file beside a QA file, <base>-forms<ext>, as
// score.py finds it: (doc, question) to forms. A missing file gives none.
func readQAForms(qaPath string) (map[[2]string][]string, error) {
	ext := filepath.Ext(qaPath)
	path := strings.TrimSuffix(qaPath, ext) + "-forms" + ext
	if ext == "" {
		path += ".tsv"
	}
	forms := map[[2]string][]string{}
	if _, err := os.Stat(path); err != nil {
		return forms, nil
	}
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	for _, line := range lines {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if cols := strings.Split(line, "\t"); len(cols) >= 3 {
			forms[[2]string{cols[0], cols[1]}] = strings.Fields(cols[2])
		}
	}
	return forms, nil
}

// readLines returns the lines of a file without their line ends; a missing
// file is kg.ENOTFOUND.
func readLines(path string) ([]string, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return lines, nil
}

// qaDocs returns the documents the rows name, each once, in order.
func qaDocs(rows []qaRow) []string {
	var docs []string
	seen := map[string]bool{}
	for _, r := range rows {
		if !seen[r.doc] {
			seen[r.doc] = true
			docs = append(docs, r.doc)
		}
	}
	return docs
}

// gumTexts rebuilds the text of each wanted document from GUM CoNLL-U files
// as eval/gum_text.py does: its "# text =" lines joined by spaces,
// paragraphs (at "# newpar") separated by a blank line, and a final newline.
// A document named twice is taken from the last file. A wanted document no
// file holds is kg.ENOTFOUND.
func gumTexts(files, want []string) (map[string]string, error) {
	texts := map[string]string{}
	for _, path := range files {
		lines, err := readLines(path)
		if err != nil {
			return nil, err
		}
		for doc, paras := range gumParagraphs(lines) {
			var ps []string
			for _, p := range paras {
				if len(p) > 0 {
					ps = append(ps, strings.Join(p, " "))
				}
			}
			if len(ps) > 0 {
				texts[doc] = strings.Join(ps, "\n\n") + "\n"
			}
		}
	}
	out := make(map[string]string, len(want))
	for _, d := range want {
		t, ok := texts[d]
		if !ok {
			return nil, kg.Errorf(kg.ENOTFOUND, "no document %s in %s", d, strings.Join(files, ", "))
		}
		out[d] = t
	}
	return out, nil
}

// gumParagraphs returns each document's paragraphs, each a list of sentence
// texts, from the comment lines of a CoNLL-U file.
func gumParagraphs(lines []string) map[string][][]string {
	paras := map[string][][]string{}
	doc := ""
	for _, line := range lines {
		switch {
		case strings.HasPrefix(line, "# newdoc id = "):
			_, v, _ := strings.Cut(line, "=")
			doc = strings.TrimSpace(v)
			paras[doc] = [][]string{nil}
		case strings.HasPrefix(line, "# newpar") && doc != "" && len(paras[doc][len(paras[doc])-1]) > 0:
			paras[doc] = append(paras[doc], nil)
		case strings.HasPrefix(line, "# text = ") && doc != "":
			_, v, _ := strings.Cut(line, "=")
			last := len(paras[doc]) - 1
			paras[doc][last] = append(paras[doc][last], strings.TrimSpace(v))
		}
	}
	return paras
}

// ingestTexts writes each text to <doc>.txt in a temporary folder and
// ingests the folder into s as kg ingest does (batch, pipeline, linked
// writer), so that the graph equals the one `kg ingest docs/` builds from
// gum_text.py's files. It returns what the writer wrote.
func ingestTexts(ctx context.Context, s *graph.Store, texts map[string]string) (graph.WriteStats, error) {
	dir, err := os.MkdirTemp("", "kg-eval-qa-")
	if err != nil {
		return graph.WriteStats{}, fmt.Errorf("ingest documents: %w", err)
	}
	defer os.RemoveAll(dir)
	for doc, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, doc+".txt"), []byte(text), 0o600); err != nil {
			return graph.WriteStats{}, fmt.Errorf("ingest documents: %w", err)
		}
	}
	pipe, err := extract.New(extract.Options{})
	if err != nil {
		return graph.WriteStats{}, fmt.Errorf("load pipeline: %w", err)
	}
	b := &batch{
		paths:   []string{dir},
		read:    reader.Options{Format: reader.Auto, MaxBytes: reader.DefaultMaxBytes},
		workers: runtime.NumCPU(),
		pipe:    pipe,
	}
	w := newLinkedWriter(s)
	err = b.run(ctx, func(o outcome) error {
		if o.err != nil {
			return fmt.Errorf("%s: %w", o.item.Input, o.err)
		}
		return w.Write(ctx, o.x)
	})
	if err == nil {
		err = w.Flush(ctx)
	}
	if err != nil {
		return graph.WriteStats{}, fmt.Errorf("ingest documents: %w", err)
	}
	return w.Stats(), nil
}

// askQA asks every question of rows and judges the answers. A question
// that fails counts as none, as in score.py; only the end of ctx stops it.
func askQA(ctx context.Context, svc *queries.Service, rows []qaRow) (*qaReport, error) {
	rep := &qaReport{Questions: make([]qaQuestion, 0, len(rows))}
	for _, r := range rows {
		qctx, cancel := context.WithTimeout(ctx, qaTimeout)
		res, err := svc.Ask(qctx, r.question)
		cancel()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		rep.add(r, res, err)
	}
	return rep, nil
}
