package graph_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os/exec"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
)

func export(t *testing.T, s *graph.Store, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := s.Export(t.Context(), &b, format); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return b.Bytes()
}

var rapperCount = regexp.MustCompile(`returned (\d+) (?:triples|statements)`)

// rapper parses data with raptor's rapper and returns how many statements
// it read, failing the test on any error or warning.
func rapper(t *testing.T, data []byte, syntax string) int {
	t.Helper()
	path, err := exec.LookPath("rapper")
	if err != nil {
		t.Fatal("rapper not found: apt-get install raptor2-utils")
	}
	cmd := exec.CommandContext(t.Context(), path, "-i", syntax, "-c", "-", "https://kg.example/")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.CombinedOutput()
	if err != nil || strings.Contains(string(out), "Error") || strings.Contains(string(out), "Warning") {
		t.Fatalf("rapper -i %s: %v\n%s", syntax, err, out)
	}
	m := rapperCount.FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("rapper -i %s: no count in %s", syntax, out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// distinctTriples counts the distinct triples of N-Quads lines.
func distinctTriples(nq []byte) int {
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(nq)), "\n") {
		// drop the label: the last term before " ." is an IRI in kg's exports
		line = strings.TrimSuffix(line, " .")
		if i := strings.LastIndex(line, " <"); i > 0 && strings.HasSuffix(line, ">") {
			line = line[:i]
		}
		seen[line] = true
	}
	return len(seen)
}

// jsonldQuads converts a JSON-LD export to sorted N-Quads with json-gold.
func jsonldQuads(t *testing.T, data []byte) []string {
	t.Helper()
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("jsonld is not JSON: %v", err)
	}
	opts := ld.NewJsonLdOptions("")
	opts.Format = "application/n-quads"
	out, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		t.Fatalf("json-gold: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out.(string)), "\n")
	sort.Strings(lines)
	return lines
}

func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	sort.Strings(lines)
	return lines
}

func TestExportRDF(t *testing.T) {
	s := kgtest.MustOpenStore(t, "memory:")
	st := kgtest.MustWrite(t, s, kgtest.Fixture()...)
	nq := export(t, s, "nquads")
	quads := rapper(t, nq, "nquads")
	if quads != st.Quads {
		t.Errorf("rapper read %d quads, writer wrote %d", quads, st.Quads)
	}
	triples := distinctTriples(nq)
	t.Logf("rapper: %d quads (nquads), %d distinct triples expected in ntriples/turtle", quads, triples)
	if triples >= quads {
		t.Errorf("expected triples repeated across graphs: %d triples, %d quads", triples, quads)
	}
	for _, format := range []string{"ntriples", "turtle"} {
		if got := rapper(t, export(t, s, format), format); got != triples {
			t.Errorf("%s: rapper read %d triples, want the %d distinct triples of the N-Quads", format, got, triples)
		}
	}
	// JSON-LD keeps named graphs: json-gold reads back exactly the N-Quads
	got := jsonldQuads(t, export(t, s, "jsonld"))
	if want := sortedLines(nq); !slices.Equal(got, want) {
		t.Errorf("jsonld → N-Quads differs from the N-Quads export: %d vs %d lines", len(got), len(want))
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("first difference:\n got %s\nwant %s", got[i], want[i])
				break
			}
		}
	}
	// the entity named "UN resolution <draft> ..." never yields a raw space in an IRI
	if strings.Contains(string(nq), "UN resolution <") {
		t.Error("an entity name leaked into an IRI unescaped")
	}
}

func TestWriteNQuads(t *testing.T) {
	x := kgtest.Fixture()[2]
	var b bytes.Buffer
	if err := graph.WriteNQuads(&b, "", x); err != nil {
		t.Fatal(err)
	}
	if got, want := rapper(t, b.Bytes(), "nquads"), len(graph.DocumentQuads(graph.DefaultBase, x)); got != want || want == 0 {
		t.Errorf("rapper read %d quads, want %d", got, want)
	}
}

func TestImportRoundTrip(t *testing.T) {
	s := kgtest.MustOpenStore(t, "memory:")
	kgtest.MustWrite(t, s, kgtest.Fixture()...)
	for _, tt := range []struct{ export, format string }{{"nquads", "nquads"}, {"jsonld", "jsonld"}, {"ntriples", "ntriples"}} {
		t.Run(tt.export, func(t *testing.T) {
			data := export(t, s, tt.export)
			fresh := kgtest.MustOpenStore(t, "bolt:"+t.TempDir()+"/kg.db")
			n, err := fresh.Import(t.Context(), bytes.NewReader(data), tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if tt.export == "ntriples" {
				if got, want := sortedLines(export(t, fresh, "ntriples")), sortedLines(data); !slices.Equal(got, want) || n != len(want) {
					t.Errorf("N-Triples round trip: %d lines back, %d out, %d read", len(got), len(want), n)
				}
				return
			}
			got, want := sortedLines(export(t, fresh, "nquads")), sortedLines(export(t, s, "nquads"))
			if !slices.Equal(got, want) || n != len(want) {
				t.Errorf("round trip through %s: %d quads back of %d (read %d)", tt.export, len(got), len(want), n)
			}
		})
	}
	if _, err := s.Import(t.Context(), strings.NewReader("<a> <b> .\n"), "nquads"); err == nil {
		t.Error("a broken statement imported without error")
	}
	if _, err := s.Import(t.Context(), strings.NewReader("{"), "jsonld"); err == nil {
		t.Error("broken JSON-LD imported without error")
	}
}

func TestExportGraphMLAndCSV(t *testing.T) {
	s := kgtest.MustOpenStore(t, "memory:")
	kgtest.MustWrite(t, s, kgtest.Fixture()...)
	var doc struct {
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key string `xml:"key,attr"`
					Val string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(export(t, s, "graphml"), &doc); err != nil {
		t.Fatalf("graphml is not XML: %v", err)
	}
	nodes := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		nodes[n.ID] = true
	}
	if len(nodes) != 6 || len(doc.Graph.Edges) != 7 {
		t.Errorf("graphml: %d nodes, %d edges; want 6 and 7", len(nodes), len(doc.Graph.Edges))
	}
	for _, e := range doc.Graph.Edges {
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s -> %s points outside the nodes", e.Source, e.Target)
		}
		if len(e.Data) < 2 || e.Data[0].Key != "predicate" || e.Data[1].Key != "confidence" {
			t.Errorf("edge %s lacks predicate and confidence: %+v", e.Source, e.Data)
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(export(t, s, "csv"))).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	kinds := map[string]int{}
	for _, r := range rows[1:] {
		kinds[r[0]]++
	}
	if !slices.Equal(rows[0], graph.CSVHeader) || kinds["node"] != 6 || kinds["edge"] != 7 {
		t.Errorf("csv: header %v, kinds %v", rows[0], kinds)
	}
}
