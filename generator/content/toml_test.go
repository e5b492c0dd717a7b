package content

import (
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

func TestTOMLTooDeep(t *testing.T) {
	deep := func(open, close string, n int) string { return strings.Repeat(open, n) + strings.Repeat(close, n) }
	for _, tc := range []struct {
		name, text string
		line       int
	}{
		{"front_matter", "title = \"Juriste\"\ngrades = [\"Attaché\", \"Rédacteur\"]\ndeadline = 2027-06-30\n", 0},
		{"config", "title = \"x\"\n[aliases]\n\"Ville de Nouméa\" = \"Mairie de Nouméa\"\n[countries]\n\"Province Sud\" = \"NC\"\n", 0},
		{"floats_and_times", "x = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5]\nt = 1979-05-27T07:32:00.999999-07:00\n", 0},
		{"arrays_at_the_limit", "x = " + deep("[", "]", MaxTOMLDepth) + "\n", 0},
		{"arrays_past_the_limit", "a = 1\nx = " + deep("[", "]", MaxTOMLDepth+1) + "\n", 2},
		{"arrays_a_million_deep", "x = " + deep("[", "]", 1_200_000), 1},
		{"inline_tables", "x = " + strings.Repeat("{a=", 40) + "1" + strings.Repeat("}", 40), 1},
		{"dotted_key", "x" + strings.Repeat(".x", 40) + " = 1", 1},
		{"dotted_key_at_the_limit", "x" + strings.Repeat(".x", MaxTOMLDepth-1) + " = 1", 0},
		{"dotted_key_spaced_and_quoted", "x" + strings.Repeat(` . "y"`, 40) + " = 1", 1},
		{"table_header", "[x" + strings.Repeat(".x", 40) + "]", 1},
		{"dotted_keys_in_nested_tables", "x = " + strings.Repeat("{a.b.c.d = ", 8) + "1" + strings.Repeat("}", 8), 1},
		{"brackets_in_strings", "x = \"" + strings.Repeat("[", 100) + "\"\ny = '" + strings.Repeat("{", 100) + "'\n", 0},
		{"brackets_in_multiline_strings", "x = \"\"\"\n" + strings.Repeat("[", 100) + "\n\\\"\"\"\n\"\"\"\ny = '''" + strings.Repeat("[.", 100) + "'''", 0},
		{"multiline_string_ends_with_quotes", "x = \"\"\"a\"\"\"\"\"\ny = " + deep("[", "]", 40), 2},
		{"brackets_in_comments", "# " + strings.Repeat("[", 100) + "\nx = 1 # " + strings.Repeat(".", 100) + "\n", 0},
		{"unterminated_string_ends_at_the_line", "x = \"abc\\\n" + deep("[", "]", 40), 2},
		{"unterminated_literal", "x = 'abc\n" + deep("[", "]", 40), 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TOMLTooDeep(tc.text); got != tc.line {
				t.Errorf("TOMLTooDeep = %d, want %d", got, tc.line)
			}
		})
	}
}

// TestFrontMatterTooDeepIsRefused: the file is refused before the TOML
// parser sees it, which once died of a stack overflow.
func TestFrontMatterTooDeepIsRefused(t *testing.T) {
	text := "+++\ntitle = \"x\"\nx = " + strings.Repeat("[", 500_000) + strings.Repeat("]", 100) + "\n+++\n# Titre\n"
	src, diags := Decode("a.txt", []byte(text))
	if src != nil || len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), "a.txt:3: front matter: arrays, tables or dotted keys nested more than") {
		t.Errorf("got %v, %v", src, diags)
	}
}

// FuzzTOMLTooDeep holds the parser to a bounded time on whatever
// TOMLTooDeep lets through: a text it passes must parse, or fail to, in
// well under a second.
func FuzzTOMLTooDeep(f *testing.F) {
	for _, s := range []string{
		"x = [[[[1]]]]", "a.b.c = 1", "[a.b]\nc = {d.e = [1, {f = 2}]}", `x = """a"""""` + "\n[y]",
		"x = '''[[['''\ny = [[1]]", `x = "a\"[[" # [[[`, "x = [\n[\n[\n1]]]",
		"x = " + strings.Repeat("[", 40) + strings.Repeat("]", 40),
		"x" + strings.Repeat(".x", 40) + " = 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if TOMLTooDeep(s) > 0 {
			return
		}
		if d := fastest(func() {
			var v map[string]any
			_, _ = toml.Decode(s, &v)
		}); d > time.Second {
			t.Errorf("TOMLTooDeep passed a text the parser took %s on: %q", d, s)
		}
	})
}

// fastest runs f until it takes under a second, three times at most, and
// returns its shortest time: a busy machine may stall one run, not three.
func fastest(f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		f()
		if best = min(best, time.Since(start)); best < time.Second {
			break
		}
	}
	return best
}
