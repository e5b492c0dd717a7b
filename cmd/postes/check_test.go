package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestCheckGolden runs postes check over a folder of deliberately wrong
// offers, in text and JSON, and compares with testdata/check/want.*.
func TestCheckGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"want.txt", nil},
		{"want.json", []string{"--format", "json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr strings.Builder
			args := append([]string{"check", "--source", "testdata/check", "--now", "2025-03-20"}, tc.args...)
			err := run(args, &stdout, &stderr)
			var ee exitError
			if !errors.As(err, &ee) || ee.code != 2 {
				t.Errorf("exit = %v, want status 2 (errors found)", err)
			}
			golden := filepath.Join("testdata", "check", tc.name)
			if *update {
				if err := os.WriteFile(golden, []byte(stdout.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if stdout.String() != string(want) {
				t.Errorf("check output differs from %s (run go test -update and review the diff)\ngot:\n%s", golden, stdout.String())
			}
		})
	}
}

func TestCheckMissingFileIsAnError(t *testing.T) {
	var out, errOut strings.Builder
	err := run([]string{"check", "--source", "testdata/check", "testdata/check/content/nope.txt"}, &out, &errOut)
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 2 || !strings.Contains(errOut.String(), "nope.txt : aucun fichier de ce nom") {
		t.Errorf("err = %v, %q; want status 2 and the missing file named", err, errOut.String())
	}
}

func TestCheckExitStatus(t *testing.T) {
	var out, errOut strings.Builder
	// One clean file: status 0.
	if err := run([]string{"check", "--source", "testdata/check", "--now", "2025-03-20", "testdata/check/content/ok.txt"}, &out, &errOut); err != nil {
		t.Errorf("clean file: %v\n%s", err, out.String())
	}
	// Warnings only: status 1.
	err := run([]string{"check", "--source", "testdata/check", "--now", "2025-03-20", "testdata/check/content/weekday.txt"}, &out, &errOut)
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Errorf("warnings only: %v, want status 1", err)
	}
}

// TestStrictSaysNothingWasPublished: --strict's last word says what
// happened, and does not list a board it did not publish.
func TestStrictSaysNothingWasPublished(t *testing.T) {
	var out, errOut strings.Builder
	dest := t.TempDir() + "/public"
	err := run([]string{"build", "--source", "testdata/check", "--now", "2025-03-20", "--strict", "--output", dest}, &out, &errOut)
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Errorf("--strict with warnings: %v, want status 1", err)
	}
	msg := errOut.String()
	if !strings.Contains(msg, "postes: --strict : rien n’a été publié, à cause des problèmes ci-dessus (2 erreurs, 15 avertissements)") || strings.Contains(msg, "offres publiées") {
		t.Errorf("--strict says:\n%s", msg)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Errorf("--strict wrote %s", dest)
	}
}

// TestCheckArguments: check reads the offers of content/; a file or
// folder elsewhere is refused (it found nothing wrong in config.toml or
// in a copy of an offer outside content/, and said "0 error"), and a
// folder of content/ stands for its files.
func TestCheckArguments(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "copie.txt")
	if err := os.WriteFile(outside, []byte("# Copie\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{"testdata/check/want.txt", "testdata/check", outside} {
		var out, errOut strings.Builder
		err := run([]string{"check", "--source", "testdata/check", arg}, &out, &errOut)
		var ee exitError
		if !errors.As(err, &ee) || ee.code != 2 || !strings.Contains(errOut.String(), "check lit les offres du dossier content/ du site") {
			t.Errorf("check %s: %v, %q; want it refused, status 2 (nothing was checked)", arg, err, errOut.String())
		}
	}
	var all, folder, errOut strings.Builder
	_ = run([]string{"check", "--source", "testdata/check", "--now", "2025-03-20"}, &all, &errOut)
	sum := errOut.String()
	errOut.Reset()
	_ = run([]string{"check", "--source", "testdata/check", "--now", "2025-03-20", "testdata/check/content"}, &folder, &errOut)
	if folder.String() != all.String() || errOut.String() != sum {
		t.Errorf("check content/ differs from check:\n%s%s\nwant:\n%s%s", folder.String(), errOut.String(), all.String(), sum)
	}
}
