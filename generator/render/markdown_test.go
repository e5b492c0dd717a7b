package render

import (
	"regexp"
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	md := NewMarkdown()
	tests := []struct {
		name, in  string
		want, not []string
	}{
		{"headings_move_down_one_level", "# Missions\n\n## Profil", []string{"<h2>Missions</h2>", "<h3>Profil</h3>"}, []string{"<h1>"}},
		{"raw_html_is_shown_as_text", "<script>alert(1)</script>\n\nUn <b>mot</b>.", []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;mot&lt;/b&gt;"}, []string{"<script>", "<b>"}},
		{"addresses_become_links", "Écrire à rh@ville.example ou voir https://ville.example/emplois.",
			[]string{`<a href="mailto:rh@ville.example">rh@ville.example</a>`, `<a href="https://ville.example/emplois">`}, nil},
		{"lists", "- un\n- deux\n  - sous", []string{"<ul>", "<li>un</li>", "<li>sous</li>"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := md.Render(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("output contains %q:\n%s", n, got)
				}
			}
		})
	}
}

// linkGateCases are bodies with nothing Linkify could link, full of what
// its trigger characters (space, *, _, ~, parenthesis) meet.
var linkGateCases = []string{
	"# Missions :\n\nSous l’autorité du chef de service, vous *assurez* le suivi.\n\n- un\n- deux\n  - sous",
	"Ligne avec espaces finaux  \nsuite (entre parenthèses) et ~~barré~~ et _souligné_ ***fort***",
	"| a | b |\n|---|---|\n| (x) | ~y~ |",
	"http: sans barres, www sans point, arobase absente, ftp:/x, mailto:rien",
	"(http)(www)(*a*)(_b_) ~ * _ (",
	"  * liste\n\n    code indenté (avec ~)\n\n> citation _x_",
	"Text \\* échappé, &amp; entités &#64; et `code (x)`",
}

// TestMarkdownWithoutLinksSkipsLinkify holds Render to one output whether
// or not it skips Linkify: the skip is only for speed.
func TestMarkdownWithoutLinksSkipsLinkify(t *testing.T) {
	md := NewMarkdown()
	for _, src := range linkGateCases {
		checkLinkGate(t, md, src)
	}
	if mayLink(linkGateCases[0]) || !mayLink("voir www.x.nc") || !mayLink("a@b.nc") || !mayLink("https://x.nc") {
		t.Error("mayLink does not see what Linkify links")
	}
}

var spaceAtLineEnd = regexp.MustCompile(`[ \t\r]+(\n|<br>)`)

func checkLinkGate(t *testing.T, md *Markdown, src string) {
	t.Helper()
	if mayLink(src) {
		return
	}
	var with, without strings.Builder
	if err := md.md.Convert([]byte(src), &with); err != nil {
		t.Fatal(err)
	}
	if err := md.noLinks.Convert([]byte(src), &without); err != nil {
		t.Fatal(err)
	}
	// Linkify, called at every space, changes which spaces end a line
	// (before a line break or a <br>), and only those: a browser shows
	// both alike.
	if a, b := spaceAtLineEnd.ReplaceAllString(with.String(), "$1"), spaceAtLineEnd.ReplaceAllString(without.String(), "$1"); a != b {
		t.Errorf("%q: Linkify changes the output of a body mayLink passes over:\nwith:    %q\nwithout: %q", src, a, b)
	}
}

// FuzzMarkdownLinkGate looks for a body without "@", "://" or "www." that
// Linkify would render differently.
func FuzzMarkdownLinkGate(f *testing.F) {
	for _, s := range linkGateCases {
		f.Add(s)
	}
	md := NewMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		checkLinkGate(t, md, src)
	})
}
