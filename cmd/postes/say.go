package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/pipeline"
)

// What the commands say, in the board's language.

// sayDiags prints diagnostics one a line, as serve's panels show them:
// "content/a.txt:5: avertissement : …".
func sayDiags(w io.Writer, l message.Lang, diags content.List) {
	for _, d := range diags {
		fmt.Fprintln(w, diagLine(l, d))
	}
}

// diagLine is a diagnostic as the terminal and serve's panels show it.
func diagLine(l message.Lang, d content.Diag) string {
	return content.Printable(d.Say(l, d.Pos.String()))
}

// sayErr is an error as editors read it: what is wrong with the board's
// settings in the board's language, one line each; any other error as
// Go says it.
func sayErr(err error) string {
	var ce *pipeline.ConfigError
	if errors.As(err, &ce) {
		lines := make([]string, len(ce.Diags))
		for i, d := range ce.Diags {
			lines[i] = diagLine(ce.Lang, d)
		}
		return strings.Join(lines, "\n")
	}
	return content.Printable(err.Error())
}

// say is a message of the catalogue in language l.
func say(l message.Lang, id message.ID, kv ...any) string {
	return content.Printable(message.New(id, kv...).In(l))
}

// langOf is the language of the board in source, French when its
// config.toml says so or cannot say (French is the default).
func langOf(source string) message.Lang {
	cfg, _ := pipeline.LoadConfig(source)
	return message.LangOf(cfg.Language)
}

// sayError is an error whose message is already said for editors.
type sayError struct{ msg string }

func (e sayError) Error() string { return e.msg }

// isBoard refuses a folder that is not a board (no content/ and no
// config.toml), saying what a board is and how to start one: "lstat
// content: no such file or directory" tells a new user nothing.
func isBoard(source string) error {
	_, errContent := os.Stat(filepath.Join(source, "content"))
	_, errConfig := os.Stat(filepath.Join(source, "config.toml"))
	if errors.Is(errContent, fs.ErrNotExist) && errors.Is(errConfig, fs.ErrNotExist) {
		return sayError{say(langOf(source), message.NotABoard, "dir", shown(source))}
	}
	return nil
}

// shown is a folder as messages name it: "." is said as its path.
func shown(dir string) string {
	if dir == "." || dir == "" {
		if abs, err := filepath.Abs(dir); err == nil {
			return content.QuoteName(abs)
		}
	}
	return content.QuoteName(dir)
}
