package render

import (
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
