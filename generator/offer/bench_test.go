package offer_test

import (
	"os"
	"path/filepath"
	"testing"

	"postes/generator/content"
	"postes/generator/offer"
)

// benchExtract decodes and extracts one sample file per iteration, the
// per-file work of a build before the board is modelled.
func benchExtract(b *testing.B, name string, layout byte) {
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", name))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var o *offer.Offer
	for b.Loop() {
		src, diags := content.Decode(name, data)
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		o, _ = offer.Extract(src)
	}
	if o == nil || o.Layout != layout {
		b.Fatalf("%s: not read as layout %c", name, layout)
	}
}

// BenchmarkExtractLayoutA reads a New Caledonia offer ("Label : value").
func BenchmarkExtractLayoutA(b *testing.B) { benchExtract(b, "000.txt", 'a') }

// BenchmarkExtractLayoutB reads an emploi-territorial offer (label lines).
func BenchmarkExtractLayoutB(b *testing.B) { benchExtract(b, "004.txt", 'b') }

// BenchmarkExtractCorpus reads every offer of testdata/corpus per
// iteration: the boards' many forms, where the seeds are two.
func BenchmarkExtractCorpus(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skip("no corpus")
	}
	data := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		size += len(data[i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range data {
			src, _ := content.Decode(files[i], d)
			if src != nil {
				offer.Extract(src)
			}
		}
	}
}
