package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/extract/reader"
)

// Verdicts of a judged fact.
const (
	verdictCorrect = "correct" // the sentence states the fact as the graph holds it
	verdictPartly  = "partly"  // the fact is there, but an argument or an attribute is off
	verdictWrong   = "wrong"   // the sentence does not state it
)

// judgeColumns are the columns of a judgments file and of kg eval facts'
// output: the verdict and note, then the key of the fact and its sentence.
var judgeColumns = []string{"verdict", "doc", "start", "end", "subject", "predicate", "object",
	"negated", "modality", "by", "named", "time", "note", "sentence"}

// judgedFact is one fact of a sample: what identifies it, what the judge
// reads, and the verdict if it has one.
type judgedFact struct {
	Verdict   string `json:"verdict"`   // correct, partly, wrong, or "" when not judged yet
	Doc       string `json:"doc"`       // document ID (the hash of its text)
	Start     int    `json:"start"`     // byte offset of the sentence
	End       int    `json:"end"`       // byte offset just past it
	Subject   string `json:"subject"`   // subject label
	Predicate string `json:"predicate"` // predicate
	Object    string `json:"object"`    // object label
	Negated   bool   `json:"negated"`   // negated fact
	Modality  string `json:"modality"`  // modality, "" when asserted
	By        string `json:"by"`        // label of who says so, "" when the text itself does
	Named     bool   `json:"named"`     // both arguments are named entities
	Time      string `json:"time"`      // the fact's time, as the text says it
	Note      string `json:"note"`      // the judge's remark: the error class
	Sentence  string `json:"sentence"`  // the evidence sentence
}

// key identifies a fact across runs: document, sentence offsets, triple and
// the attributes that change what it claims (negation, modality, source).
func (f judgedFact) key() string { return f.drawKey() + "\x00" + f.By }

// drawKey is what the sample is drawn by: the key without the source, so
// that a fact whose attribution a change fixed stays in the sample (and
// needs a new verdict).
func (f judgedFact) drawKey() string {
	return strings.Join([]string{f.Doc, strconv.Itoa(f.Start), strconv.Itoa(f.End), f.Subject, f.Predicate,
		f.Object, strconv.FormatBool(f.Negated), f.Modality}, "\x00")
}

// judgedFacts turns the facts of one extraction into sample rows, one per
// distinct key.
func judgedFacts(x *kg.Extraction) []judgedFact {
	ents := map[string]kg.Entity{}
	for _, e := range x.Entities {
		ents[e.ID] = e
	}
	named := func(id string) bool { e, ok := ents[id]; return ok && e.Type != kg.Concept }
	seen := map[string]bool{}
	var out []judgedFact
	for _, f := range x.Facts {
		j := judgedFact{Doc: x.Document.ID, Start: f.Evidence.Start, End: f.Evidence.End,
			Subject: ents[f.Subject].Label, Predicate: f.Predicate, Object: ents[f.Object].Label,
			Negated: f.Negated, Modality: f.Modality, By: ents[f.AttributedTo].Label, Named: named(f.Subject) && named(f.Object),
			Time: f.ValidTime, Sentence: f.Evidence.Text}
		if k := j.key(); !seen[k] {
			seen[k] = true
			out = append(out, j)
		}
	}
	return out
}

// sampleFacts returns n facts chosen by a hash of each fact's key and the
// seed: the same facts for the same seed, and a fact that two runs share
// tends to be in both samples. The sample is in document and sentence order.
func sampleFacts(all []judgedFact, n int, seed int64) []judgedFact {
	type ranked struct {
		h uint64
		f judgedFact
	}
	rs := make([]ranked, len(all))
	for i, f := range all {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d\x00%s", seed, f.drawKey())
		rs[i] = ranked{h.Sum64(), f}
	}
	slices.SortFunc(rs, func(a, b ranked) int { return cmpUint(a.h, b.h) })
	if n > 0 && n < len(rs) {
		rs = rs[:n]
	}
	out := make([]judgedFact, len(rs))
	for i, r := range rs {
		out[i] = r.f
	}
	order := map[string]int{}
	for i, f := range all {
		if _, ok := order[f.Doc]; !ok {
			order[f.Doc] = i
		}
	}
	slices.SortStableFunc(out, func(a, b judgedFact) int {
		if d := order[a.Doc] - order[b.Doc]; d != 0 {
			return d
		}
		return a.Start - b.Start
	})
	return out
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// readJudgments reads a judgments file: the columns of judgeColumns, tab
// separated, with a header line; lines starting with # are skipped. It
// returns the verdict and note of each fact key.
func readJudgments(r io.Reader) (map[string]judgedFact, error) {
	out := map[string]judgedFact{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "verdict\t") {
			continue
		}
		f, err := parseJudgment(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out[f.key()] = f
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read judgments: %w", err)
	}
	return out, nil
}

// parseJudgment parses one line of a judgments file.
func parseJudgment(line string) (judgedFact, error) {
	c := strings.Split(line, "\t")
	if len(c) != len(judgeColumns) {
		return judgedFact{}, fmt.Errorf("%d columns, want %d", len(c), len(judgeColumns))
	}
	switch c[0] {
	case verdictCorrect, verdictPartly, verdictWrong, "":
	default:
		return judgedFact{}, fmt.Errorf("verdict %q is not correct, partly, wrong or empty", c[0])
	}
	start, err1 := strconv.Atoi(c[2])
	end, err2 := strconv.Atoi(c[3])
	neg, err3 := strconv.ParseBool(c[7])
	named, err4 := strconv.ParseBool(c[10])
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		return judgedFact{}, fmt.Errorf("bad offsets, negated or named column")
	}
	return judgedFact{Verdict: c[0], Doc: c[1], Start: start, End: end, Subject: c[4], Predicate: c[5],
		Object: c[6], Negated: neg, Modality: c[8], By: c[9], Named: named, Time: c[11], Note: c[12], Sentence: c[13]}, nil
}

// writeJudgments writes sample rows as a judgments file.
func writeJudgments(w io.Writer, fs []judgedFact) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, strings.Join(judgeColumns, "\t"))
	for _, f := range fs {
		fmt.Fprintf(bw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\t%t\t%s\t%s\t%t\t%s\t%s\t%s\n", f.Verdict, f.Doc, f.Start, f.End,
			tsvField(f.Subject), tsvField(f.Predicate), tsvField(f.Object), f.Negated, f.Modality, tsvField(f.By), f.Named,
			tsvField(f.Time), tsvField(f.Note), tsvField(f.Sentence))
	}
	return bw.Flush()
}

// extractionsFor returns the extractions of kg eval facts: the documents
// named, run through the pipeline, or the JSON lines of kg extract in the
// --extractions file.
func extractionsFor(c *cli.Context, e *env) ([]*kg.Extraction, error) {
	if path := c.String("extractions"); path != "" {
		return readExtractions(path)
	}
	if c.NArg() < 2 {
		return nil, usageError(c, "kg eval facts needs documents to extract, or --extractions FILE")
	}
	pipe, err := extract.New(extract.Options{})
	if err != nil {
		return nil, err
	}
	b := &batch{paths: c.Args().Tail(), read: reader.Options{MaxBytes: reader.DefaultMaxBytes, Stdin: e.stdin},
		workers: 1, pipe: pipe}
	var out []*kg.Extraction
	err = b.run(c.Context, func(o outcome) error {
		if o.err != nil {
			return fmt.Errorf("%s: %w", o.item.Input, o.err)
		}
		out = append(out, o.x)
		return nil
	})
	return out, err
}

// readExtractions reads the JSON lines that kg extract writes.
func readExtractions(path string) ([]*kg.Extraction, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*kg.Extraction
	dec := json.NewDecoder(f)
	for dec.More() {
		var x kg.Extraction
		if err := dec.Decode(&x); err != nil {
			return nil, kg.Errorf(kg.EINVALID, "read %s: %v", path, err)
		}
		out = append(out, &x)
	}
	return out, nil
}

// judgeScores counts the verdicts of a sample, over all facts and over the
// facts between two named entities.
type judgeScores struct {
	All   verdictCounts `json:"all"`   // every sampled fact
	Named verdictCounts `json:"named"` // facts between two named entities
}

// verdictCounts are the verdicts of a set of facts.
type verdictCounts struct {
	Facts   int `json:"facts"`   // facts sampled
	Correct int `json:"correct"` // judged correct
	Partly  int `json:"partly"`  // judged partly right
	Wrong   int `json:"wrong"`   // judged wrong
	Open    int `json:"open"`    // not judged yet
}

func (v *verdictCounts) add(verdict string) {
	v.Facts++
	switch verdict {
	case verdictCorrect:
		v.Correct++
	case verdictPartly:
		v.Partly++
	case verdictWrong:
		v.Wrong++
	default:
		v.Open++
	}
}

// String reads "correct/partly/wrong of judged (open)".
func (v verdictCounts) String() string {
	return fmt.Sprintf("%d correct, %d partly, %d wrong of %d judged (%d open)",
		v.Correct, v.Partly, v.Wrong, v.Facts-v.Open, v.Open)
}

// evalFacts runs kg eval facts: a sample of the facts of the documents,
// with the verdicts of --judgments filled in, as a judgments file on stdout
// with the counts in # lines after it (or as JSON).
func evalFacts(c *cli.Context, e *env) error {
	xs, err := extractionsFor(c, e)
	if err != nil {
		return fmt.Errorf("eval facts: %w", err)
	}
	var all []judgedFact
	for _, x := range xs {
		all = append(all, judgedFacts(x)...)
	}
	sample := sampleFacts(all, c.Int("sample"), c.Int64("seed"))
	if path := c.String("judgments"); path != "" {
		f, err := openInput(path)
		if err != nil {
			return err
		}
		known, err := readJudgments(f)
		f.Close()
		if err != nil {
			return kg.Errorf(kg.EINVALID, "%s: %v", path, err)
		}
		for i, s := range sample {
			if j, ok := known[s.key()]; ok {
				sample[i].Verdict, sample[i].Note = j.Verdict, j.Note
			}
		}
	}
	var sc judgeScores
	for _, s := range sample {
		sc.All.add(s.Verdict)
		if s.Named {
			sc.Named.add(s.Verdict)
		}
	}
	if c.Bool("json") {
		return printJSON(e.stdout, map[string]any{"facts": sample, "scores": sc, "total_facts": len(all)})
	}
	if err := writeJudgments(e.stdout, sample); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "# %d facts in all, %d sampled\n# all: %s\n# named: %s\n",
		len(all), len(sample), sc.All, sc.Named)
	return err
}

// runEvalFacts checks the flags of kg eval facts and runs it.
func runEvalFacts(c *cli.Context, e *env) error {
	for _, name := range []string{"gold", "raw", "gold-trees", "sentences"} {
		if c.IsSet(name) {
			return usageError(c, "--%s does not apply to kg eval facts", name)
		}
	}
	if c.Int("sample") < 0 {
		return usageError(c, "--sample must be 0 or more")
	}
	return evalFacts(c, e)
}
