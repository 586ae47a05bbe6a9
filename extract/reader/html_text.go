package reader

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page's head and markup say about it.
type pageMeta struct {
	titles map[string]string // title by where it came from: og, meta, h1, title
	dates  map[string]string // date by where it came from: meta, jsonld, time
}

// Meta names and properties that carry a title or a publication date.
var (
	titleKeys = map[string]string{"og:title": "og", "twitter:title": "og", "title": "meta", "dc.title": "meta",
		"dcterms.title": "meta", "headline": "meta", "sailthru.title": "meta", "parsely-title": "meta"}
	dateKeys = map[string]bool{"article:published_time": true, "og:article:published_time": true,
		"datepublished": true, "date": true, "pubdate": true, "publishdate": true, "publish-date": true,
		"publication_date": true, "dc.date": true, "dc.date.issued": true, "dcterms.date": true,
		"dcterms.created": true, "dcterms.issued": true, "sailthru.date": true, "parsely-pub-date": true,
		"article.published": true, "citation_publication_date": true}
	jsonLDDate = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)
)

// readMeta collects title and date candidates from the whole page.
func readMeta(root *html.Node) pageMeta {
	m := pageMeta{titles: map[string]string{}, dates: map[string]string{}}
	set := func(into map[string]string, key, v string) {
		if v = oneLine(v); v != "" && into[key] == "" {
			into[key] = v
		}
	}
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.DataAtom {
		case atom.Meta:
			key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
			if src := titleKeys[key]; src != "" {
				set(m.titles, src, attr(n, "content"))
			}
			if dateKeys[key] {
				set(m.dates, "meta", attr(n, "content"))
			}
		case atom.Title:
			set(m.titles, "title", textOf(n))
		case atom.H1:
			set(m.titles, "h1", textOf(n))
		case atom.Time:
			set(m.dates, "time", attr(n, "datetime"))
		case atom.Script:
			if attr(n, "type") == "application/ld+json" {
				if d := jsonLDDate.FindStringSubmatch(textOf(n)); d != nil {
					set(m.dates, "jsonld", d[1])
				}
			}
		}
		if attr(n, "itemprop") == "datePublished" && n.DataAtom != atom.Meta {
			set(m.dates, "meta", attr(n, "datetime")+attr(n, "content"))
		}
	})
	return m
}

// title returns the best title: from Open Graph or meta tags, else the
// first <h1>, else <title> without a trailing " | Site name".
func (m pageMeta) title() string {
	for _, k := range []string{"og", "meta", "h1"} {
		if t := m.titles[k]; t != "" {
			return t
		}
	}
	t := m.titles["title"]
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
		if i := strings.LastIndex(t, sep); i > len(t)/2 {
			t = t[:i]
		}
	}
	return t
}

// date returns the publication date as YYYY-MM-DD when the page gives one.
func (m pageMeta) date() string {
	for _, k := range []string{"meta", "jsonld", "time"} {
		if d := m.dates[k]; d != "" {
			return NormalizeDate(d)
		}
	}
	return ""
}

// blockElements start a paragraph of their own.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Figcaption: true, atom.Header: true, atom.Address: true, atom.Hr: true, atom.Br: true,
}

// blockTexts returns the paragraphs of n: the text of each block element
// with its whitespace collapsed, leaving out blocks that are mostly links.
func blockTexts(n *html.Node, st map[*html.Node]textStats) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := collapse(cur.String()); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if blockElements[n.DataAtom] {
				flush()
				if st[n].linkDensity() > 0.5 {
					return
				}
				defer flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	flush()
	return paras
}

// boilerplateText matches short paragraphs that are page furniture.
var boilerplateText = regexp.MustCompile(`(?i)^(sponsored( links| content| stories)?|advertisement|advertising|ad|promoted( stories| content)?|` +
	`share( this( article| story| page)?)?( on \w+)?|(follow|like) us\b.*|subscribe\b.*|sign up\b.*|newsletter\b.*|read more\b.*|` +
	`related( articles| stories| content| coverage)?|recommended( for you)?|more from\b.*|you may also like.*|` +
	`(we|this (web)?site) uses? cookies\b.*|accept( all)?( cookies)?|cookie (policy|settings|preferences)\b.*|` +
	`all rights reserved\b.*|©.*|copyright\b.*|(tweet|email|print|facebook|twitter|x|linkedin|whatsapp|reddit)( this)?|` +
	`click here\b.*|continue reading\b.*|skip to( main)? content|comments?( \(\d+\))?|loading\W*)\W*$`)

// isBoilerplate reports whether a short paragraph is page furniture.
func isBoilerplate(p string) bool {
	return len(p) < 200 && boilerplateText.MatchString(p)
}

// walk calls fn on n and every node below it, in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// find returns the first element of the given kind, or nil.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// inside reports whether n has an ancestor of the given kind.
func inside(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == a {
			return true
		}
	}
	return false
}

// attr returns the value of an attribute, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n carries the attribute at all.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf returns all the text below n.
func textOf(n *html.Node) string {
	var sb strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
	})
	return sb.String()
}

// collapse trims s and turns each run of whitespace into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// textStats counts the text below a node.
type textStats struct {
	text   int // bytes of text, whitespace runs counted as one
	links  int // bytes of that text inside links
	commas int // commas in it
}

// linkDensity returns the share of the text that sits inside links.
func (t textStats) linkDensity() float64 {
	if t.text == 0 {
		return 0
	}
	return float64(t.links) / float64(t.text)
}

// measure counts the text below every node in one pass.
func measure(root *html.Node) map[*html.Node]textStats {
	st := map[*html.Node]textStats{}
	var visit func(n *html.Node, inLink bool) textStats
	visit = func(n *html.Node, inLink bool) textStats {
		var t textStats
		if n.Type == html.TextNode {
			t.text = len(collapse(n.Data))
			t.commas = strings.Count(n.Data, ",")
		}
		link := inLink || (n.Type == html.ElementNode && n.DataAtom == atom.A)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			ct := visit(c, link)
			t.text, t.links, t.commas = t.text+ct.text, t.links+ct.links, t.commas+ct.commas
		}
		if link && n.Type == html.TextNode {
			t.links = t.text
		}
		st[n] = t
		return t
	}
	visit(root, false)
	return st
}
