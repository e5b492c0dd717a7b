package pipeline_test

// Benchmarks of whole builds on the synthetic corpus of tools/gencorpus
// (the one scripts/bench uses). Compare two versions with benchstat:
//
//	go test -run '^$' -bench . -benchmem -count 6 ./generator/pipeline > old.txt
//	(change the code)
//	go test -run '^$' -bench . -benchmem -count 6 ./generator/pipeline > new.txt
//	benchstat old.txt new.txt
//
// The corpus is written once per test process (by running the generator
// with the go command, so the benchmarks skip where go is not in PATH) and
// removed when the process ends.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"postes"
	"postes/generator/pipeline"
)

// benchNow is the build's today: the last posting date of the corpus
// (deadlines run from July 2024 to June 2026, postings 14 to 45 days
// before), so that every offer is published, none is scheduled, and a few
// are still open.
const benchNow = "2026-06-16"

var (
	corporaMu  sync.Mutex
	corpora    = map[int]*corpus{}
	corporaDir string
)

type corpus struct {
	once sync.Once
	dir  string // holds content/
	err  error
	skip string
}

func TestMain(m *testing.M) {
	// Builds lock their output in the user's cache folder
	// (os.UserCacheDir): the tests' builds use one of their own.
	cache, err := os.MkdirTemp("", "postes-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	if corporaDir != "" {
		_ = os.RemoveAll(corporaDir)
	}
	_ = os.RemoveAll(cache)
	os.Exit(code)
}

// benchCorpus returns the folder holding a corpus of n offers (seed 1),
// writing it on first use.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	corporaMu.Lock()
	c := corpora[n]
	if c == nil {
		c = &corpus{}
		corpora[n] = c
	}
	corporaMu.Unlock()
	c.once.Do(func() {
		goCmd, err := exec.LookPath("go")
		if err != nil {
			c.skip = "go command not found; it is needed to write the benchmark corpus"
			return
		}
		corporaMu.Lock()
		if corporaDir == "" {
			corporaDir, err = os.MkdirTemp("", "postes-bench-corpus-")
		}
		root := corporaDir
		corporaMu.Unlock()
		if err != nil {
			c.err = err
			return
		}
		c.dir = filepath.Join(root, fmt.Sprint(n))
		cmd := exec.Command(goCmd, "run", "postes/tools/gencorpus", "-n", fmt.Sprint(n), "-seed", "1", "-out", c.dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			c.err = fmt.Errorf("gencorpus: %v\n%s", err, out)
		}
	})
	if c.skip != "" {
		b.Skip(c.skip)
	}
	if c.err != nil {
		b.Fatal(c.err)
	}
	return c.dir
}

func benchOptions(src, out string) pipeline.Options {
	return pipeline.Options{Source: src, Output: out, Now: benchNow, Theme: postes.Theme}
}

func benchBuild(b *testing.B, n int) {
	src := benchCorpus(b, n)
	tmp := b.TempDir()
	var res *pipeline.Result
	i := 0
	for b.Loop() {
		i++
		var err error
		res, err = pipeline.Run(benchOptions(src, filepath.Join(tmp, fmt.Sprint("out", i))))
		if err != nil {
			b.Fatal(err)
		}
	}
	if res.Offers != n {
		b.Fatalf("%d offers published, want %d", res.Offers, n)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/offer")
	b.ReportMetric(float64(res.Written+res.Linked), "files/op")
}

// BenchmarkBuild1000 is a cold build of 1,000 offers into a fresh output
// folder: read, extract, model, render, minify, write.
func BenchmarkBuild1000(b *testing.B) { benchBuild(b, 1000) }

// BenchmarkBuild10000 is the same at 10,000 offers, to see how the build
// scales (about 10 s per build on a small machine; use it with -benchtime 3x
// to take a CPU profile).
func BenchmarkBuild10000(b *testing.B) { benchBuild(b, 10000) }

// BenchmarkRebuildUnchanged1000 rebuilds 1,000 unchanged offers into the
// output folder of the previous build, as a nightly build with no edit
// does: no page is rendered again and no file is written.
func BenchmarkRebuildUnchanged1000(b *testing.B) {
	const n = 1000
	src := benchCorpus(b, n)
	out := filepath.Join(b.TempDir(), "public")
	if _, err := pipeline.Run(benchOptions(src, out)); err != nil {
		b.Fatal(err)
	}
	var res *pipeline.Result
	for b.Loop() {
		var err error
		res, err = pipeline.Run(benchOptions(src, out))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/offer")
	b.ReportMetric(float64(res.Written), "written/op")
}

// BenchmarkRebuildOneEdit10000 is what `postes serve` does after an editor
// saves one offer of a 10,000-offer board: the same Builder (it keeps what
// it read and wrote), the output updated in place. The time from save to
// pages written is this plus serve's debounce (15 ms).
func BenchmarkRebuildOneEdit10000(b *testing.B) {
	const n = 10000
	src := benchCorpus(b, n)
	opt := benchOptions(src, filepath.Join(b.TempDir(), "public"))
	opt.InPlace = true
	bl := pipeline.NewBuilder(opt)
	if _, err := bl.Build(); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(src, "content", "offres", "000123.txt")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(file, orig, 0o644)
	i := 0
	var res *pipeline.Result
	for b.Loop() {
		i++
		if err := os.WriteFile(file, append(orig, fmt.Sprintf("\nModifié %d.\n", i)...), 0o644); err != nil {
			b.Fatal(err)
		}
		bl.Hint([]string{file}) // what serve learns from the file system
		if res, err = bl.Build(); err != nil {
			b.Fatal(err)
		}
	}
	if res.Written == 0 {
		b.Fatal("the edit wrote nothing")
	}
	b.ReportMetric(float64(res.Written), "written/op")
}
