package message_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"postes"
	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/pipeline"
)

var update = flag.Bool("update", false, "rewrite the expected texts of testdata/diagnostics")

// The golden diagnostics: each testdata/diagnostics/*.txt is a small board
// in the txtar format ("-- content/a.txt --" then the file), built on a
// fixed day, followed by every diagnostic the build says, in French ("--
// fr --") and in English ("-- en --"). A board without config.toml gets
// one with base_url. go test -update rewrites the expected texts: review
// the diff, it is what editors read.

const goldenDay = "2026-03-10"

type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data []byte
}

// parseArchive reads the txtar format: a comment, then files each after
// a "-- name --" line.
func parseArchive(data []byte) archive {
	var a archive
	cur := -1
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		t := strings.TrimRight(string(line), "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			a.files = append(a.files, archiveFile{name: t[3 : len(t)-3]})
			cur = len(a.files) - 1
			continue
		}
		if cur < 0 {
			a.comment += string(line)
		} else {
			a.files[cur].data = append(a.files[cur].data, line...)
		}
	}
	return a
}

func (a archive) format() []byte {
	var b bytes.Buffer
	b.WriteString(a.comment)
	for _, f := range a.files {
		b.WriteString("-- " + f.name + " --\n")
		b.Write(f.data)
	}
	return b.Bytes()
}

// seen collects every id said, arguments and what follows included.
func seen(t message.Text, ids map[message.ID]bool) {
	ids[t.ID] = true
	for _, a := range t.Args {
		for _, s := range a.T {
			seen(s, ids)
		}
	}
	for _, m := range t.More {
		seen(m, ids)
	}
}

// buildCase builds the board of an archive and says its diagnostics in
// both languages.
func buildCase(t *testing.T, a archive, ids map[message.ID]bool) (fr, en string) {
	t.Helper()
	root := t.TempDir()
	config := false
	for _, f := range a.files {
		if f.name == "fr" || f.name == "en" {
			continue
		}
		if f.name == "config.toml" || strings.HasPrefix(f.name, "config.toml/") {
			config = true
		}
		p := filepath.Join(root, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !config {
		if err := os.WriteFile(filepath.Join(root, "config.toml"), []byte("base_url = \"https://emplois.example.org/\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := pipeline.Run(pipeline.Options{Source: root, Output: filepath.Join(t.TempDir(), "public"), Now: goldenDay, Theme: postes.Theme, Workers: 1})
	var diags content.List
	var ce *pipeline.ConfigError
	switch {
	case errors.As(err, &ce):
		diags = ce.Diags // what is wrong with config.toml: nothing is built
	case res == nil:
		t.Fatalf("build: %v", err)
	default:
		diags = res.Diags
	}
	var f, e strings.Builder
	for _, d := range diags {
		seen(d.Text, ids)
		f.WriteString(d.Say(message.French, d.Pos.String()) + "\n")
		e.WriteString(d.Say(message.English, d.Pos.String()) + "\n")
	}
	return f.String(), e.String()
}

func TestDiagnostics(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "diagnostics", "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	ids := map[message.ID]bool{}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(data)
			fr, en := buildCase(t, a, ids)
			if fr == "" {
				t.Errorf("%s says nothing: every case shows at least one diagnostic", name)
			}
			if strings.Contains(fr+en, "?}") {
				t.Errorf("a message lacks an argument:\n%s%s", fr, en)
			}
			got := map[string]string{"fr": fr, "en": en}
			if *update {
				var kept []archiveFile
				for _, f := range a.files {
					if f.name != "fr" && f.name != "en" {
						kept = append(kept, f)
					}
				}
				a.files = append(kept, archiveFile{"fr", []byte(fr)}, archiveFile{"en", []byte(en)})
				if err := os.WriteFile(name, a.format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, lang := range []string{"fr", "en"} {
				var want string
				for _, f := range a.files {
					if f.name == lang {
						want = string(f.data)
					}
				}
				if got[lang] != want {
					t.Errorf("%s: the %s text differs (run go test -update and review the diff)\ngot:\n%swant:\n%s", name, lang, got[lang], want)
				}
			}
		})
	}
	t.Run("every_message_about_a_file_is_shown", func(t *testing.T) {
		if t.Failed() {
			return
		}
		var missing []string
		for _, id := range message.IDs(message.English) {
			if !ids[id] && notByFiles[id] == "" {
				missing = append(missing, string(id))
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("no case of testdata/diagnostics shows %s: add one, or say in notByFiles why a text file cannot", strings.Join(missing, ", "))
		}
		for id, why := range notByFiles {
			if ids[id] {
				t.Errorf("%s is shown by a case, yet notByFiles says %q", id, why)
			}
		}
	})
}

// notByFiles are the messages no small text file makes, and where they
// are tested instead.
var notByFiles = map[message.ID]string{
	message.DiagWarning:         "the shape of every line here",
	message.DiagError:           "the shape of every line here",
	message.SeverityWarning:     "said by check --format json",
	message.SeverityError:       "said by check --format json",
	message.FileOverMax:         "a file over 1 MB: content's TestDecode",
	message.FileTooBig:          "a file over 1 MB: content's tests",
	message.FileGrewTooBig:      "a file growing while read: content's tests",
	message.FileUnreadable:      "a file the user may not read: cmd/postes users_test",
	message.FolderUnreadable:    "a folder the user may not read: cmd/postes users_test",
	message.UTF16Unreadable:     "UTF-16 with an odd byte: content's tests",
	message.EncodingUnknown:     "Windows-1252 decodes every byte",
	message.LinkLoop:            "symbolic links: content's walk tests",
	message.LinkBroken:          "symbolic links: content's walk tests",
	message.LinkBrokenTo:        "symbolic links: content's walk tests",
	message.LinkUnreadable:      "symbolic links: content's walk tests",
	message.LinkOutside:         "symbolic links: content's walk tests",
	message.NotRegularPipe:      "named pipes: pipeline's robust tests",
	message.NotRegularSocket:    "special files: content's walk tests",
	message.NotRegularDevice:    "special files: content's walk tests",
	message.NotRegularSpecial:   "special files: content's walk tests",
	message.SizeMB:              "sizes of files over the limit: content's tests",
	message.SizeKB:              "sizes of files over the limit: content's tests",
	message.SizeBytes:           "sizes of files over the limit: content's tests",
	message.DefaultsUnreadable:  "a _defaults.toml the user may not read",
	message.DefaultsNotRegular:  "a _defaults.toml that is a folder or a pipe: pipeline's defaults tests",
	message.DefaultsTooBig:      "a _defaults.toml over 64 KB",
	message.ConfigTooBig:        "a config.toml over 4 MB: pipeline's config tests",
	message.ConfigUnreadable:    "a config.toml the user may not read: pipeline's config tests",
	message.BodyTooBig:          "a description over 512 KB: pipeline's limits tests",
	message.BodyTooManyMarkers:  "a paragraph of millions of markers: pipeline's limits tests",
	message.BodyTooManyCells:    "a table of 10,000 cells: pipeline's limits tests",
	message.BodyGrowth:          "a link reference used 100,000 times: pipeline's limits tests",
	message.BodyHTMLTooBig:      "render's last guard, past CheckBody: render's tests",
	message.GradeConflict:       "a grade the civil services disagree on: grade's TestSplitConflict",
	message.DefaultsLinkOutside: "a _defaults.toml linking out of content/: pipeline's defaults tests",
	message.WhereDefaults:       "a default of the wrong kind is said by defaults-not-string, before it is used",
	message.PlaceNoTown:         "a place with no town is said by place-unknown, without place's reason",
	message.FromHeading:         "a heading in capitals naming a body that is not a banner: none of the usual ones",
	message.GradeNoCategory:     "a corps of the table with no category, nor a French grade of its name: none at present",

	message.Summary:                "said by build and serve: cmd/postes tests",
	message.CheckSummary:           "said by check: cmd/postes tests",
	message.SummaryFiles:           "said by build: cmd/postes tests",
	message.StrictRefused:          "said by build --strict: cmd/postes tests",
	message.NotABoard:              "said by build in a folder that is not a board",
	message.Serving:                "said by serve",
	message.ServeNotPublished:      "said by serve",
	message.ServeStopped:           "said by serve",
	message.ServeStoppedRebuilding: "said by serve",
	message.ServePrevious:          "serve's panels: cmd/postes serve tests, the browser suite",
	message.ServeProblems:          "serve's panels",
	message.ServeThisFile:          "serve's panels",
	message.ServeFirstBuild:        "serve's page before a first board",
	message.ServeRefused:           "serve's overlay",
	message.CheckScheduled:         "check -v",
	message.CheckDraft:             "check -v",
	message.CheckNoSuchFile:        "said by check of its arguments: cmd/postes check tests",
	message.CheckNotInContent:      "said by check of its arguments: cmd/postes check tests",
	message.NewWritten:             "said by new",
	message.NewExists:              "said by new",
	message.InitWritten:            "said by init",
	message.InitNext:               "said by init",
	message.InitNextHere:           "said by init",
	message.InitNotEmpty:           "said by init",
}
