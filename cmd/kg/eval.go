package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/conllu"
)

// evalStages are the stages kg eval scores, each with the flags it takes
// besides --json and --models.
var evalStages = []struct {
	name  string
	flags []string
	run   func(c *cli.Context) (evalReport, error)
}{
	{"tokenize", []string{"gold"}, evalTokenize},
	{"tag", []string{"gold", "raw"}, evalTag},
	{"parse", []string{"gold", "raw"}, evalParse},
	{"ner", []string{"gold"}, evalNER},
	{"coref", []string{"gold", "gold-trees"}, evalCoref},
	{"carb", []string{"sentences", "gold", "extractions"}, evalCaRB},
	{"qa", []string{"gold", "conllu", "verbose"}, evalQA},
	{"entities", []string{"gold"}, evalEntities},
}

// evalReport is what one evaluation found: the value printed with --json,
// and the rows of the text table.
type evalReport struct {
	json   any       // printed with --json
	rows   []evalRow // printed as a table otherwise
	note   string    // a line after the table, or ""
	text   string    // printed instead of the table when set
	stderr string    // with --json, a line printed on standard error, or ""
}

// evalRow is one line of kg eval's table.
type evalRow struct {
	name  string
	value float64
	unit  string // "%" for scores, "" for counts and rates
}

func evalCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score a pipeline stage against a gold file and print the metrics and speed",
		ArgsUsage: "tokenize|tag|parse|ner|coref|carb|entities|qa|facts [DOC...]",
		Description: `Runs one stage with the trained models (built into kg, or from --models DIR)
over a gold file and prints its scores in percent, the words scored and the
words per second (one goroutine). Stages and their input:
   tokenize  --gold FILE.conllu: token and sentence F1 from the text rebuilt
             from the gold tokens (CoNLL 2018 shared-task alignment)
   tag       --gold FILE.conllu [--raw]: UPOS, XPOS, lemma accuracy
   parse     --gold FILE.conllu [--raw]: UPOS, UAS, LAS (punctuation included)
             with predicted tags
   ner       --gold FILE.iob2: exact typed-span precision, recall and F1
   coref     --gold FILE.conllu (GUM Entity= chains): MUC, B3, CEAF-e and
             their average (CoNLL-2012: singletons dropped), over our tags,
             trees and names on the gold words, or --gold-trees
   carb      --sentences FILE --gold FILE: CaRB precision, recall, best F1
             and AUC of kg's extractions (or of --extractions FILE)
   entities  --gold FILE.conllu [DOC...] (GUM Entity= annotations): the named
             nodes (Person, Organization, Place) of each document ingested
             alone and of all in one store against the gold entities: clean
             share, precision, recall, type accuracy, bad labels, splits and
             wrong merges, as ../shared/eval/entities/score.py counts them
   qa        --gold QA.tsv --conllu FILE [--conllu FILE] [-v]: kg ask on a
             question set (eval/qa format) over its GUM documents, rebuilt
             from the CoNLL-U files and ingested into a fresh in-memory
             store; pass, top-1, wrong and none per document, per form and
             in all, judged as eval/qa/score.py does (-v: every question)
   facts     [--sample N] [--seed S] [--judgments FILE] DOC...: a reproducible
             random sample of the documents' facts (or of the kg extract JSON
             lines in --extractions FILE) with their sentences, as a judgments
             file to fill in (verdict: correct, partly or wrong); the verdicts
             of --judgments are kept, keyed by document, sentence offsets and
             triple, and the counts follow in # lines

tag and parse work on the gold words; --raw starts from the "# text" lines
instead: the text is tokenized and split into sentences by kg, predicted words
are aligned with gold words by their character offsets in it, and only the
aligned words are scored (aligned, gold_words and system_words tell how many).

Examples:
   kg eval tag --gold ../shared/corpora/ud-ewt/en_ewt-ud-dev.conllu
   kg eval parse --raw --json --gold en_gum-ud-dev.conllu
   kg eval carb --sentences dev.txt --gold dev-gold.tsv
   kg eval entities --gold en_gum-ud-dev.conllu GUM_bio_byron GUM_news_iodine
   kg eval qa --gold dev-qa.tsv --conllu en_gum-ud-dev.conllu --conllu en_gum-ud-train.conllu
   kg eval facts --sample 100 --seed 1 --judgments judged.tsv docs/`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Usage: "gold `FILE` (CoNLL-U, IOB2 or CaRB tuples, by stage)"},
			&cli.BoolFlag{Name: "raw", Usage: "tag and parse: start from the sentences' text, not the gold words"},
			&cli.BoolFlag{Name: "gold-trees", Usage: "coref: resolve over the gold tags and trees instead of ours"},
			&cli.StringFlag{Name: "sentences", Usage: "carb: `FILE` of pre-tokenized sentences, one a line"},
			&cli.StringFlag{Name: "extractions", Usage: "carb: score the extractions in `FILE` instead of running kg; facts: sample the JSON lines of kg extract in FILE"},
			&cli.StringSliceFlag{Name: "conllu", Usage: "qa: a GUM CoNLL-U `FILE` holding the documents (repeatable)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "qa: list every question with its status and answers"},
			&cli.IntFlag{Name: "sample", Value: 100, Usage: "facts: how many facts to sample (0: all)"},
			&cli.Int64Flag{Name: "seed", Value: 1, Usage: "facts: the seed of the sample"},
			&cli.StringFlag{Name: "judgments", Usage: "facts: a judgments `FILE` whose verdicts the sample keeps"},
			modelsFlag,
			jsonFlag,
		},
		Action: func(c *cli.Context) error { return runEval(c, e) },
	}
}

func runEval(c *cli.Context, e *env) error {
	if c.Args().First() == "facts" {
		return runEvalFacts(c, e)
	}
	stage := c.Args().First()
	if c.NArg() == 0 || c.NArg() > 1 && stage != "entities" {
		return usageError(c, "name one stage to score: tokenize, tag, parse, ner, coref, carb, entities, qa or facts")
	}
	for _, st := range evalStages {
		if st.name != stage {
			continue
		}
		if err := checkStageFlags(c, stage, st.flags); err != nil {
			return err
		}
		if !c.IsSet("gold") {
			return usageError(c, "kg eval %s needs --gold FILE", stage)
		}
		rep, err := st.run(c)
		if err != nil {
			return fmt.Errorf("eval %s: %w", stage, err)
		}
		if c.Bool("json") {
			if rep.stderr != "" {
				fmt.Fprintln(e.stderr, rep.stderr)
			}
			return printJSON(e.stdout, rep.json)
		}
		return printTable(e.stdout, rep)
	}
	return usageError(c, "unknown stage %q: use tokenize, tag, parse, ner, coref, carb, entities or qa", stage)
}

// checkStageFlags refuses the flags of other stages, so that a misplaced
// --raw or --sentences is not silently ignored.
func checkStageFlags(c *cli.Context, stage string, allowed []string) error {
	for _, name := range []string{"raw", "gold-trees", "sentences", "extractions", "conllu", "verbose", "sample", "seed", "judgments"} {
		if c.IsSet(name) && !slices.Contains(allowed, name) {
			return usageError(c, "--%s does not apply to kg eval %s", name, stage)
		}
	}
	return nil
}

// printTable writes a report as a table: names on the left, values
// aligned on the right.
func printTable(w io.Writer, rep evalReport) error {
	if rep.text != "" {
		_, err := io.WriteString(w, rep.text)
		return err
	}
	width := 0
	for _, r := range rep.rows {
		width = max(width, len(r.name))
	}
	for _, r := range rep.rows {
		prec := 0
		if r.unit == "%" {
			prec = 2
		}
		v := strconv.FormatFloat(r.value, 'f', prec, 64)
		if _, err := fmt.Fprintf(w, "%-*s  %10s%s\n", width, r.name, v, r.unit); err != nil {
			return err
		}
	}
	if rep.note != "" {
		_, err := fmt.Fprintln(w, rep.note)
		return err
	}
	return nil
}

// openInput opens a file named on the command line; a missing file is
// kg.ENOTFOUND.
func openInput(path string) (*os.File, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, kg.Errorf(kg.ENOTFOUND, "no file %s", path)
	}
	return f, err
}

// readCoNLLU reads the gold CoNLL-U file of --gold; a malformed or empty
// file is a usage error.
func readCoNLLU(c *cli.Context) ([]*conllu.Sentence, error) {
	path := c.String("gold")
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gold, err := conllu.ReadAll(f)
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "read %s: %v", path, err)
	}
	if len(gold) == 0 {
		return nil, kg.Errorf(kg.EINVALID, "%s holds no CoNLL-U sentences", path)
	}
	return gold, nil
}

// perSecond returns n per second of elapsed seconds, 0 when no time passed.
func perSecond(n int, secs float64) float64 {
	if secs <= 0 {
		return 0
	}
	return float64(n) / secs
}
