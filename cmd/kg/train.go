package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/conllu"
)

// DefaultModelDir is where kg train writes models unless --out says
// otherwise: the folder that package data embeds, run from the repository
// root.
const DefaultModelDir = "data/models"

// trainStages are the models kg train builds, each with the flags it takes
// besides --train, --dev, --out, --epochs, --seed and --json.
var trainStages = []struct {
	name  string
	flags []string
	run   func(c *cli.Context, e *env) (trainReport, error)
}{
	{"tagger", nil, trainTagger},
	{"parser", []string{"jackknife", "workers", "min-weight", "models"}, trainParser},
	{"ner", []string{"runs", "types"}, trainNER},
	{"sentences", nil, trainSentences},
	{"synonyms", nil, trainSynonyms},
}

// trainReport is what kg train prints: the files it wrote and the dev scores.
type trainReport struct {
	Stage   string     `json:"stage"`   // tagger, parser, ner or sentences
	Files   []string   `json:"files"`   // the model files written
	Seconds float64    `json:"seconds"` // training time, dev scoring excluded
	Dev     []devScore `json:"dev"`     // scores on each --dev file
}

// devScore is a model's scores on one dev file.
type devScore struct {
	File   string    `json:"file"`   // the dev file
	Scores any       `json:"scores"` // the stage's scores, as kg eval prints them
	rows   []evalRow // the same for the text table
}

func trainCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "train",
		Usage:     "train a pipeline model from gold files, reproducibly, and score it on dev files",
		ArgsUsage: "tagger|parser|ner|sentences|synonyms",
		Description: `Trains one model with a fixed seed (the same files give the same bytes) and
writes it to --out (data/models by default, which is what kg embeds when it
is built). Progress goes to stderr; dev scores, when --dev is given, to stdout.
   tagger     --train FILE.conllu[,...]: tagger.bin.zst (UPOS, XPOS, features)
              and lemma.tsv.gz (the lemmatizer's exceptions)
   parser     --train FILE.conllu[,...]: parser.bin.gz, trained on tags
              jackknifed over --jackknife folds (0: gold tags); dev scores use
              the tagger of --models (kg's own by default)
   ner        --train FILE[,...]: ner.bin.gz from IOB2 files (and GUM
              CoNLL-U files, whose Entity= names are read), --types kept,
              --runs models averaged, with kg's gazetteer as features
   sentences  --train FILE.conllu[,...]: sentences.bin.gz, the sentence
              boundary model (its training order is fixed; --seed does not apply)
   synonyms   [--train WORDNET-DIR]: data/lexicon/verb-synonyms.txt, the verb
              synonyms kg ask reads sentences with, from WordNet 3.0's
              index.verb and data.verb (default /usr/share/wordnet, Debian's
              wordnet-base)
Training is never needed to use kg: the trained models ship inside it.

Examples:
   kg train tagger --train en_ewt-ud-train.conllu,en_gum-ud-train.conllu --dev en_ewt-ud-dev.conllu --out /tmp/m
   kg eval tag --models /tmp/m --gold en_gum-ud-dev.conllu`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "train", Usage: "training `FILE`s, comma-separated or repeated"},
			&cli.StringSliceFlag{Name: "dev", Usage: "dev `FILE`s to score the model on, comma-separated or repeated"},
			&cli.StringFlag{Name: "out", Value: DefaultModelDir, Usage: "folder to write the model files to"},
			&cli.IntFlag{Name: "epochs", Usage: "passes over the training data (0: the stage's default)"},
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "random seed of the training order"},
			&cli.IntFlag{Name: "jackknife", Value: 5, Usage: "parser: train on tags predicted over this many folds (0: gold tags)"},
			&cli.IntFlag{Name: "workers", Usage: "parser: goroutines (0: all cores; results do not depend on it)"},
			&cli.Float64Flag{Name: "min-weight", Usage: "parser: drop weights smaller in magnitude than this from the saved model (0: keep them)"},
			&cli.IntFlag{Name: "runs", Value: 3, Usage: "ner: models trained with seeds seed, seed+1, ... and averaged"},
			&cli.StringFlag{Name: "types", Value: "PER,ORG,LOC", Usage: "ner: entity types to learn, comma-separated"},
			&cli.StringSliceFlag{Name: "text", Usage: "ner: unlabeled tokenized text `FILE`s (CoNLL-U, IOB, or a sentence a line) for the capitalization features"},
			modelsFlag,
			jsonFlag,
		},
		Action: func(c *cli.Context) error { return runTrain(c, e) },
	}
}

func runTrain(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usageError(c, "name one model to train: tagger, parser, ner or sentences")
	}
	stage := c.Args().First()
	for _, st := range trainStages {
		if st.name != stage {
			continue
		}
		for _, name := range []string{"jackknife", "workers", "min-weight", "models", "runs", "types"} {
			if c.IsSet(name) && !slices.Contains(st.flags, name) {
				return usageError(c, "--%s does not apply to kg train %s", name, stage)
			}
		}
		if stage == "sentences" && c.IsSet("seed") {
			return usageError(c, "--seed does not apply to kg train sentences: its training order is fixed")
		}
		if len(c.StringSlice("train")) == 0 {
			return usageError(c, "kg train %s needs --train FILE", stage)
		}
		if c.Int("epochs") < 0 || c.Int("jackknife") < 0 || c.Int("runs") < 1 {
			return usageError(c, "--epochs and --jackknife must not be negative, --runs must be at least 1")
		}
		rep, err := st.run(c, e)
		if err != nil {
			return fmt.Errorf("train %s: %w", stage, err)
		}
		rep.Stage = stage
		return printTrainReport(e.stdout, c.Bool("json"), rep)
	}
	return usageError(c, "unknown model %q: use tagger, parser, ner or sentences", stage)
}

// printTrainReport writes the files and the dev scores.
func printTrainReport(w io.Writer, asJSON bool, rep trainReport) error {
	if asJSON {
		return printJSON(w, rep)
	}
	fmt.Fprintf(w, "trained %s in %.1fs\n", rep.Stage, rep.Seconds)
	for _, f := range rep.Files {
		fmt.Fprintf(w, "wrote %s\n", f)
	}
	for _, d := range rep.Dev {
		fmt.Fprintf(w, "\n%s\n", d.File)
		if err := printTable(w, evalReport{rows: d.rows}); err != nil {
			return err
		}
	}
	return nil
}

// readCoNLLUFiles reads CoNLL-U files named on the command line.
func readCoNLLUFiles(paths []string) ([]*conllu.Sentence, error) {
	var all []*conllu.Sentence
	for _, p := range paths {
		f, err := openInput(p)
		if err != nil {
			return nil, err
		}
		s, err := conllu.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, kg.Errorf(kg.EINVALID, "read %s: %v", p, err)
		}
		all = append(all, s...)
	}
	if len(all) == 0 {
		return nil, kg.Errorf(kg.EINVALID, "no CoNLL-U sentences in %v", paths)
	}
	return all, nil
}

// saveModel writes a model file into dir through a temporary file renamed
// into place, so that a failed write never leaves half a model behind. It
// returns the file's path.
func saveModel(dir, name string, write func(io.Writer) error) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("save %s: %w", name, err)
	}
	f, err := os.CreateTemp(dir, name+".tmp*")
	if err != nil {
		return "", fmt.Errorf("save %s: %w", name, err)
	}
	defer os.Remove(f.Name()) // gone after the rename; cleans up after a failure
	if err := write(f); err != nil {
		f.Close()
		return "", fmt.Errorf("save %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("save %s: %w", name, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return "", fmt.Errorf("save %s: %w", name, err)
	}
	path := filepath.Join(dir, name)
	if err := os.Rename(f.Name(), path); err != nil {
		return "", fmt.Errorf("save %s: %w", name, err)
	}
	return path, nil
}

// logf writes a progress line to stderr.
func logf(e *env, format string, args ...any) {
	fmt.Fprintf(e.stderr, "kg train: "+format+"\n", args...)
}

// since returns the seconds since start.
func since(start time.Time) float64 { return time.Since(start).Seconds() }
