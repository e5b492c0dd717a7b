package place

import "testing"

// BenchmarkParse reads the places of the table test, one per op.
func BenchmarkParse(b *testing.B) {
	load()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Parse(parseTests[i%len(parseTests)].in)
		i++
	}
}

// BenchmarkParseSure reads the common cases: one town, maybe with its
// postcode or street.
func BenchmarkParseSure(b *testing.B) {
	load()
	ins := []string{"Nouméa", "12 rue X, 21300 Chenôve", "37926 TOURS Cedex 9", "Chenôve (Côte-d'Or (21))", "Koné, Pouembout"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Parse(ins[i%len(ins)])
		i++
	}
}

// BenchmarkLoad reads the embedded table, as the first Parse does.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		newTable(communesTSV, departementsTSV, abroadTSV)
	}
}
