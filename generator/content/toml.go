package content

// MaxTOMLDepth is how deep the TOML of front matter and of config.toml
// may nest: arrays and inline tables within each other, or the parts of a
// dotted key ("a.b.c" is 3 deep). Real files nest 2 deep. The TOML
// parser recurses without bound: a thousand-part dotted key took it a
// second, a million-deep array overflowed its stack and killed build,
// check and serve.
const MaxTOMLDepth = 32

// TOMLTooDeep returns the 1-based line where text nests deeper than
// MaxTOMLDepth, or 0 when it does not. It reads strings and comments as
// TOML does, so that brackets and dots inside them do not count, in one
// pass that never recurses: call it before the TOML parser. Malformed
// text is measured as far as it goes; the parser reports what is wrong
// with it.
func TOMLTooDeep(text string) int {
	// open holds what each open array or table adds to the depth: one,
	// and the parts of the dotted key it is the value of ("a.b = {" adds
	// 2 more). depth is their sum; dots counts the dots of the key or
	// value being read, key those of the key before "=".
	var open []int
	line, depth, dots, key := 1, 0, 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n' || c == ',':
			if c == '\n' {
				line++
			}
			dots, key = 0, 0
		case c == '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			// A string, as a key part or a value: what it holds does
			// not count.
			var n int
			i, n = skipString(text, i)
			line += n
		case c == '=':
			key, dots = dots, 0
		case c == '[' || c == '{':
			open = append(open, 1+key)
			depth += 1 + key
			dots, key = 0, 0
			if depth > MaxTOMLDepth {
				return line
			}
		case c == ']' || c == '}':
			if len(open) > 0 {
				depth -= open[len(open)-1]
				open = open[:len(open)-1]
			}
			dots, key = 0, 0
		case c == '.':
			// A dotted key's separator, or a value's only dot (1.5, a
			// time's fraction).
			dots++
			if depth+dots >= MaxTOMLDepth {
				return line
			}
		case c == ' ' || c == '\t' || c == '_' || c == '-' || c == '+' || c == ':' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			// Inside a key ("a . b") or a value.
		default:
			dots = 0
		}
	}
	return 0
}

// skipString returns the index of the last byte of the string that
// starts at text[i] (a quote), and how many line breaks it holds. Strings
// end as TOML ends them: basic ones at an unescaped quote, literal ones at
// the next quote, both at the end of the line; multi-line ones ("""…""",
// ”'…”') at three quotes, which may follow one or two quotes that
// belong to the string.
func skipString(text string, i int) (end, lines int) {
	q := text[i]
	if i+2 < len(text) && text[i+1] == q && text[i+2] == q {
		j := i + 3
		for j < len(text) {
			switch {
			case text[j] == '\\' && q == '"':
				if j+1 < len(text) && text[j+1] == '\n' {
					lines++
				}
				j += 2
				continue
			case text[j] == '\n':
				lines++
			case text[j] == q && j+2 < len(text) && text[j+1] == q && text[j+2] == q:
				k := j + 3
				for k < len(text) && k < j+5 && text[k] == q {
					k++
				}
				return k - 1, lines
			}
			j++
		}
		return len(text) - 1, lines
	}
	for j := i + 1; j < len(text); j++ {
		switch {
		case text[j] == '\\' && q == '"':
			if j+1 < len(text) && text[j+1] != '\n' {
				j++ // an escaped character; never the line's end
			}
		case text[j] == q:
			return j, 0
		case text[j] == '\n':
			return j - 1, 0 // unterminated: the line ends it
		}
	}
	return len(text) - 1, 0
}
