package render_test

import (
	"strings"
	"testing"

	"postes/generator/render"
)

// table is a Markdown table of cols columns, a header and rows rows,
// written as editors do, with pipes around every row.
func table(cols, rows int) string {
	row := func(cell string) string {
		return "|" + strings.Repeat(" "+cell+" |", cols) + "\n"
	}
	var b strings.Builder
	b.WriteString(row("Poste"))
	b.WriteString(row("---"))
	for i := 0; i < rows; i++ {
		b.WriteString(row("x"))
	}
	return b.String()
}

// TestTableCellsAsDocumented: a table is refused past MaxTableCells cells
// (its header's and its rows'), counted as a reader counts them: the
// pipes around a row make no column, the delimiter row no cells (a table
// of exactly 10,000 cells was refused as 10,302).
func TestTableCellsAsDocumented(t *testing.T) {
	if err := render.CheckBody(table(100, 99)); err != nil {
		t.Errorf("100 columns, a header and 99 rows (10,000 cells): %v", err)
	}
	if err := render.CheckBody(table(100, 100)); err == nil || !strings.Contains(err.Error(), "10100") {
		t.Errorf("100 columns, a header and 100 rows (10,100 cells): %v, want refused", err)
	}
	if err := render.CheckBody("a | b\n--- | ---\n" + strings.Repeat("x | y\n", 4999)); err != nil {
		t.Errorf("2 columns without outer pipes, 5,000 rows: %v", err)
	}
}
